import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * The polling-trigger engine shared by every trigger of the pack. A trigger is a description plus
 * an adapter; the engine owns what must be proven once: the cursor, the keys already emitted near
 * it, the lookback for late-visible records, a backlog worked through over successive polls,
 * and the rule that n8n saves static data only when a top-level property of it is assigned.
 *
 * Two strategies, for the two kinds of list the CRMs offer:
 * - `pollCursor`: the API lists records whose change time is at or after a bound, ordered by a
 *   numeric key (keyset walk: every request asks again for "order key >= the last one read",
 *   page 1, so a record deleted or added between two requests never shifts another one out of
 *   sight; offsets are used only inside a run of more than a page of equal keys).
 * - `pollSnapshot`: the API has no change time (CentrixOne): the whole list is compared with
 *   the previous one, record by record, through a fingerprint of every field.
 */

/** One page of a keyset walk, as the adapter answers it. */
export interface CursorPage<R> {
	records: R[];
	/** Whether the list may go on after this page (a short page ends it too). */
	more: boolean;
}

export interface CursorQuery {
	/** Change time lower bound (inclusive), in the adapter's seconds. */
	since: number;
	/** Order key lower bound (inclusive); undefined on the first request of a walk. */
	after?: number;
	/** Page of the query above, from 1 (above 1 only inside a run of equal order keys). */
	page: number;
	size: number;
}

export interface CursorAdapter<R> {
	/** Records with change time >= since and order key >= after, ascending by order key. */
	fetch(query: CursorQuery): Promise<CursorPage<R>>;
	/** The record's identity (an id); stable across its changes. */
	idOf(record: R): string;
	/** The key the list is ordered by (a number, ascending). */
	orderOf(record: R): number | undefined;
	/** The change time, when the reply carries it; undefined when it does not. */
	timeOf(record: R): number | undefined;
	/**
	 * The identity of one change: by default the id (a record changes once: created,
	 * completed); adapters of "updated" events add a version so a second change is a new key.
	 */
	changeKeyOf?(record: R): string;
	/** Whether `orderOf` is the change time itself: then the cursor follows the records read. */
	orderIsTime: boolean;
	/** Seconds re-read before the cursor on each poll (late-visible records, clock skew). */
	lookback: number;
	/** Where the first walk starts: what exists from there on is known, not new. */
	activationSince(now: number): number;
	/** The trigger's clock, in seconds (the cursor of adapters whose records have no time). */
	now(): number;
	/** Records for manual mode ("fetch test event"), newest first. */
	sample(size: number): Promise<R[]>;
	pageSize: number;
	/** Requests per poll at most; a longer backlog goes on at the next poll. */
	maxPages: number;
}

interface WalkState {
	since: number;
	startedAt: number;
	after?: number;
	page: number;
	/** Reading a run of equal order keys again, backwards (page counts down to 1). */
	back?: boolean;
	/** Where the walk goes on after that backward pass; undefined when the list has ended. */
	resume?: number;
	/** false on activation: what the first walk reads is recorded, not emitted. */
	emit: boolean;
	/** The newest change time read in this walk (new or already seen). */
	maxTime?: number;
	/**
	 * How far the records' clock runs ahead of the trigger's (the most any poll of this walk
	 * read ahead of its own start): the server's time at the start of the walk is estimated from
	 * it, so a walk that took several polls does not move the cursor past records that became
	 * visible behind it meanwhile. Differences only: a server in another time zone is fine.
	 */
	offset?: number;
}

/** The engine's state of one trigger (or of one of its events), kept in static data. */
export interface CursorState {
	cursor?: number;
	/** Change keys already emitted (or known at activation), with their change time. */
	seen: Record<string, number>;
	walk?: WalkState;
}

export interface CursorChange<R> {
	record: R;
	/** Whether the record's id was emitted before, within the lookback (an earlier change). */
	idKnown: boolean;
	/** The change-time lower bound of the walk that found it. */
	since: number;
}

const KEY_SEPARATOR = '\u0000';

/** A change key made of an id and a version (fingerprint). */
export function versionKey(id: string, version: string): string {
	return `${id}${KEY_SEPARATOR}${version}`;
}

const idOfKey = (key: string) => key.split(KEY_SEPARATOR)[0];

export function isCursorState(value: unknown): value is CursorState {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as CursorState).seen === 'object' &&
		(value as CursorState).seen !== null &&
		!Array.isArray((value as CursorState).seen)
	);
}

/**
 * One poll of a keyset walk. Returns the new state (to be assigned, whole, at the top level of
 * the static data) and the changes to emit, ascending by order key; a change is emitted once.
 */
export async function pollCursor<R>(
	adapter: CursorAdapter<R>,
	previous: CursorState | undefined,
): Promise<{ state: CursorState; changes: Array<CursorChange<R>> }> {
	const seen: Record<string, number> = { ...(previous?.seen ?? {}) };
	const knownIds = new Set(Object.keys(seen).map(idOfKey));
	let cursor = previous?.cursor;
	const now = adapter.now();
	let walk: WalkState = previous?.walk
		? { ...previous.walk }
		: cursor === undefined
			? { since: adapter.activationSince(now), startedAt: now, page: 1, emit: false }
			: { since: cursor - adapter.lookback, startedAt: now, page: 1, emit: true };
	const changes: Array<CursorChange<R>> = [];
	const size = Math.max(1, Math.floor(adapter.pageSize));
	let done = false;
	let pollMax: number | undefined;
	const budget = Number.isFinite(adapter.maxPages) ? Math.max(1, Math.floor(adapter.maxPages)) : 1;
	for (let n = 0; n < budget; n++) {
		const reply = await adapter.fetch({
			since: walk.since,
			after: walk.after,
			page: walk.page,
			size,
		});
		for (const record of reply.records) {
			const time = adapter.timeOf(record);
			if (time !== undefined) {
				pollMax = Math.max(pollMax ?? time, time);
				walk.maxTime = Math.max(walk.maxTime ?? time, time);
			}
			const key = adapter.changeKeyOf?.(record) ?? adapter.idOf(record);
			if (seen[key] !== undefined) continue;
			// without a change time, the latest it can be (the walk's clock, plus the skew the
			// lookback allows) keeps the key as long as a later walk may read the record again
			seen[key] = time ?? walk.startedAt + adapter.lookback;
			if (walk.emit)
				changes.push({
					record,
					idKnown: knownIds.has(adapter.idOf(record)),
					since: walk.since,
				});
		}
		const endOfList = !reply.more || reply.records.length < size;
		const last = reply.records.length
			? adapter.orderOf(reply.records[reply.records.length - 1])
			: undefined;
		if (walk.back) {
			// the run is read again from its end to its start: a record deleted meanwhile can only
			// bring an unread one into a page still to read, never past it
			if (walk.page > 1) walk = { ...walk, page: walk.page - 1 };
			else if (walk.resume === undefined) {
				done = true;
				break;
			} else walk = { ...walk, after: walk.resume, page: 1, back: undefined, resume: undefined };
			continue;
		}
		// the walk leaves the run it was reading: the list ended, or the page ends on a later key
		// (a page without an order key, in an unordered list, leaves nothing before the end)
		const leftRun = endOfList || (last !== undefined && last !== walk.after);
		if (walk.page > 1 && leftRun) {
			// the end of a run of equal order keys read by offset (page > 1): a deletion between
			// two of its pages may have shifted a record out of sight, so read it again backwards
			walk = {
				...walk,
				back: true,
				page: walk.page - 1,
				resume: endOfList ? undefined : last,
			};
			continue;
		}
		if (endOfList) {
			done = true;
			break;
		}
		if (last === undefined || last === walk.after) {
			// a whole page of one order key (or an unordered list): the next page of this query
			walk = { ...walk, page: walk.page + 1 };
		} else {
			walk = { ...walk, after: last, page: 1 };
		}
	}
	if (pollMax !== undefined) walk.offset = Math.max(walk.offset ?? -Infinity, pollMax - now);
	const serverAtStart = walk.offset === undefined ? undefined : walk.startedAt + walk.offset;
	let floor: number;
	if (done) {
		// everything at or after `since` has been read: the next walk starts there at the earliest
		// (else the activation walk's own lower bound would let older records in as new), and at
		// the latest at the newest record read, or the server's time when this walk started
		cursor = adapter.orderIsTime
			? Math.max(
					walk.since + adapter.lookback,
					Math.min(walk.maxTime ?? -Infinity, serverAtStart ?? Infinity),
				)
			: walk.startedAt;
		floor = cursor - adapter.lookback;
	} else {
		// a backlog: the walk goes on at the next poll from where it stopped; keys below where
		// the next walk may start are dropped
		floor = walk.since;
		if (adapter.orderIsTime && walk.after !== undefined && serverAtStart !== undefined)
			floor = Math.max(floor, Math.min(walk.after, serverAtStart) - adapter.lookback);
	}
	for (const [key, time] of Object.entries(seen)) if (time < floor) delete seen[key];
	const state: CursorState = { cursor, seen };
	if (!done) state.walk = walk;
	return { state, changes };
}

/** Stable, order-independent text of any JSON value: every key of every nested object. */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		const text = JSON.stringify(value);
		return text === undefined ? 'undefined' : text;
	}
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	const entries = Object.keys(value as Record<string, unknown>)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
	return `{${entries.join(',')}}`;
}

/**
 * A fingerprint of a record: FNV-1a (two seeds, 64 bits) over its stable text, so any change of
 * any field, at any depth, gives another fingerprint.
 */
export function fingerprint(record: unknown): string {
	const text = stableStringify(record);
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let k = 0; k < text.length; k++) {
		const c = text.charCodeAt(k);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
	}
	return a.toString(36) + b.toString(36);
}

/** The snapshot strategy's state: one fingerprint per record id, and the list's validator. */
export interface SnapshotState {
	fingerprints: Record<string, string>;
	/** Last-Modified (or any validator) of the previous full read. */
	validator?: string;
}

export interface SnapshotChange<R> {
	record: R;
	kind: 'new' | 'updated';
}

/**
 * Compares a full read with the previous one: a record whose id is new is `new`, a record whose
 * fingerprint (every field, nested ones included) differs is `updated`. The first read only
 * records. Returns the state to assign at the top level of the static data.
 */
export function pollSnapshot<R>(
	records: R[],
	idOf: (record: R) => string,
	previous: SnapshotState | undefined,
	validator: string | undefined,
): { state: SnapshotState; changes: Array<SnapshotChange<R>> } {
	const fingerprints: Record<string, string> = {};
	const changes: Array<SnapshotChange<R>> = [];
	for (const record of records) {
		const id = idOf(record);
		fingerprints[id] = fingerprint(record);
		if (!previous) continue;
		const before = previous.fingerprints[id];
		if (before === undefined) changes.push({ record, kind: 'new' });
		else if (before !== fingerprints[id]) changes.push({ record, kind: 'updated' });
	}
	return {
		state: { fingerprints, validator: validator ?? previous?.validator },
		changes,
	};
}

/**
 * The node's static data, where a state lives under `key`. n8n saves static data only when a
 * property of it is assigned (it does not look inside nested objects), so `save` assigns a new
 * object at the top level on every poll: a cursor kept only in memory would be lost on restart.
 */
export function triggerStore<S>(ctx: IPollFunctions, key: string, guard: (v: unknown) => v is S) {
	const staticData = ctx.getWorkflowStaticData('node') as IDataObject;
	const current = staticData[key];
	return {
		state: guard(current) ? current : undefined,
		save(state: S) {
			staticData[key] = JSON.parse(JSON.stringify(state)) as IDataObject;
		},
	};
}

/** The items of one poll, or null when there is nothing to emit (n8n starts no execution). */
export function emitItems(
	ctx: IPollFunctions,
	records: IDataObject[],
): INodeExecutionData[][] | null {
	return records.length ? [ctx.helpers.returnJsonArray(records)] : null;
}
