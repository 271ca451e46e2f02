import fc from 'fast-check';

import {
	pollCursor,
	type CursorAdapter,
	type CursorQuery,
	type CursorState,
} from '../../nodes/shared/trigger';

/**
 * The trigger engine against generated adversaries: creates, completions and deletes
 * interleaved with polls and with the page requests of one poll, equal timestamps, server
 * clocks ahead or behind, records visible late, n8n restarts between polls (the state goes
 * through JSON as n8n saves it). Each change must be emitted exactly once.
 */

const LOOKBACK = 30;
/** Server clock skew and visibility delay the lookback is meant to absorb: |skew| + delay <= L. */
const MAX_SKEW = 10;
const MAX_DELAY = 10;

type Op =
	| { kind: 'create'; skew: number; delay: number; during: boolean }
	| { kind: 'complete'; pick: number; skew: number; delay: number; during: boolean }
	| { kind: 'delete'; pick: number; during: boolean }
	| { kind: 'tick'; seconds: number }
	| { kind: 'poll'; restart: boolean };

const opArb = (withComplete: boolean): fc.Arbitrary<Op> =>
	fc.oneof(
		fc.record({
			kind: fc.constant('create' as const),
			skew: fc.integer({ min: -MAX_SKEW, max: MAX_SKEW }),
			delay: fc.integer({ min: 0, max: MAX_DELAY }),
			during: fc.boolean(),
		}),
		fc.record({
			kind: fc.constant('create' as const),
			skew: fc.integer({ min: -MAX_SKEW, max: MAX_SKEW }),
			delay: fc.integer({ min: 0, max: MAX_DELAY }),
			during: fc.boolean(),
		}),
		...(withComplete
			? [
					fc.record({
						kind: fc.constant('complete' as const),
						pick: fc.nat(),
						skew: fc.integer({ min: -MAX_SKEW, max: MAX_SKEW }),
						delay: fc.integer({ min: 0, max: MAX_DELAY }),
						during: fc.boolean(),
					}),
				]
			: []),
		fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), during: fc.boolean() }),
		fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), during: fc.constant(true) }),
		fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 0, max: 45 }) }),
		fc.record({ kind: fc.constant('poll' as const), restart: fc.boolean() }),
	);

interface Row {
	id: string;
	/** created time (server clock): the order key of both lists */
	created: number;
	createdVisibleAt: number;
	completed?: number;
	completedVisibleAt?: number;
	deleted: boolean;
}

/** An in-memory CRM: a list ordered by creation, filtered by creation or completion time. */
class World {
	clock = 1_000_000;
	rows = new Map<string, Row>();
	pending: Op[] = [];
	next = 0;
	/** ids whose change (create or completion) was made after the activation poll ended */
	afterActivation = new Set<string>();
	/** ids whose change was visible before the activation poll started */
	beforeActivation = new Set<string>();
	activated = false;
	requests = 0;

	constructor(readonly event: 'created' | 'completed') {}

	apply(op: Op) {
		const live = [...this.rows.values()].filter((r) => !r.deleted);
		if (op.kind === 'create') {
			const id = `r${this.next++}`;
			this.rows.set(id, {
				id,
				created: this.clock + op.skew,
				createdVisibleAt: this.clock + op.delay,
				deleted: false,
			});
			if (this.event === 'created' && this.activated) this.afterActivation.add(id);
		} else if (op.kind === 'complete') {
			const open = live.filter((r) => r.completed === undefined);
			if (!open.length) return;
			const row = open[op.pick % open.length];
			row.completed = this.clock + op.skew;
			row.completedVisibleAt = this.clock + op.delay;
			if (this.activated) this.afterActivation.add(row.id);
		} else if (op.kind === 'delete') {
			if (!live.length) return;
			live[op.pick % live.length].deleted = true;
		} else if (op.kind === 'tick') this.clock += op.seconds;
	}

	visible(row: Row): boolean {
		if (row.deleted || row.createdVisibleAt > this.clock) return false;
		if (this.event === 'created') return true;
		return row.completed !== undefined && (row.completedVisibleAt ?? Infinity) <= this.clock;
	}

	timeOf(row: Row): number | undefined {
		return this.event === 'created' ? row.created : row.completed;
	}

	/** Changes visible now: before activation they are known, never new. */
	markKnown() {
		for (const row of this.rows.values()) if (this.visible(row)) this.beforeActivation.add(row.id);
	}

	adapter(
		pageSize: number,
		maxPages: number,
		reportsTime: boolean,
	): CursorAdapter<Row> & { fetches: number } {
		const adapter = {
			fetches: 0,
			fetch: async ({ since, after, page, size }: CursorQuery) => {
				adapter.fetches++;
				this.requests++;
				// what was scheduled "during" the poll happens between two page requests
				if (adapter.fetches > 1) for (const op of this.pending.splice(0, 1)) this.apply(op);
				const lower = this.event === 'created' ? Math.max(since, after ?? since) : after;
				const list = [...this.rows.values()]
					.filter((r) => this.visible(r))
					.filter((r) => (this.timeOf(r) ?? -Infinity) >= since)
					.filter((r) => lower === undefined || r.created >= lower)
					.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
				const records = list.slice((page - 1) * size, page * size);
				return { records, more: page * size < list.length };
			},
			idOf: (r: Row) => r.id,
			orderOf: (r: Row) => r.created,
			timeOf: (r: Row) =>
				this.event === 'created' ? r.created : reportsTime ? r.completed : undefined,
			orderIsTime: this.event === 'created',
			lookback: LOOKBACK,
			activationSince: (now: number) => now - 100,
			now: () => this.clock,
			sample: async () => [],
			pageSize,
			maxPages,
		};
		return adapter;
	}
}

async function run(
	event: 'created' | 'completed',
	ops: Op[],
	pageSize: number,
	maxPages: number,
	reportsTime: boolean,
	seed: number,
) {
	const world = new World(event);
	for (let k = 0; k < 3; k++) world.apply({ kind: 'create', skew: 0, delay: 0, during: false });
	if (event === 'completed')
		world.apply({ kind: 'complete', pick: 0, skew: 0, delay: 0, during: false });
	world.apply({ kind: 'tick', seconds: seed % 5 });
	let state: CursorState | undefined;
	const emitted: string[] = [];
	const poll = async (restart: boolean) => {
		const { state: next, changes } = await pollCursor(
			world.adapter(pageSize, maxPages, reportsTime),
			state,
		);
		// what n8n saves, and loads again after a restart
		state = restart ? (JSON.parse(JSON.stringify(next)) as CursorState) : next;
		emitted.push(...changes.map((c) => c.record.id));
		// what was scheduled during this poll and not reached (a single-page poll) happens now
		for (const op of world.pending.splice(0)) world.apply(op);
	};
	// activation: whatever is visible now is known
	world.markKnown();
	await poll(false);
	// changes the activation poll's walk has not finished reading may still come as new:
	// only changes made after the whole activation walk are required
	for (let k = 0; k < 50 && state?.walk; k++) await poll(false);
	world.activated = true;
	for (const op of ops) {
		if (op.kind === 'poll') await poll(op.restart);
		else if ('during' in op && op.during) world.pending.push(op);
		else world.apply(op);
	}
	for (const op of world.pending.splice(0)) world.apply(op);
	// quiet: time passes beyond every delay, and polls drain any backlog
	world.apply({ kind: 'tick', seconds: MAX_DELAY + 1 });
	const bound = 2 + Math.ceil(world.rows.size / (pageSize * maxPages)) * 3;
	for (let k = 0; k < bound; k++) await poll(k % 2 === 0);
	return { world, emitted };
}

const scenario = (event: 'created' | 'completed') =>
	fc.record({
		ops: fc.array(opArb(event === 'completed'), { minLength: 1, maxLength: 60 }),
		pageSize: fc.integer({ min: 1, max: 4 }),
		maxPages: fc.integer({ min: 1, max: 3 }),
		reportsTime: fc.boolean(),
		seed: fc.nat(),
	});

describe('trigger engine: each change emitted exactly once', () => {
	it.each(['created', 'completed'] as const)(
		'%s events: creates, completions, deletes, skew, late visibility, restarts, small pages',
		async (event) => {
			await fc.assert(
				fc.asyncProperty(
					scenario(event),
					async ({ ops, pageSize, maxPages, reportsTime, seed }) => {
						const { world, emitted } = await run(event, ops, pageSize, maxPages, reportsTime, seed);
						// never twice
						expect(emitted.length).toBe(new Set(emitted).size);
						// never what was known at activation
						for (const id of emitted) expect(world.beforeActivation.has(id)).toBe(false);
						// every change after activation that still exists is emitted
						for (const id of world.afterActivation) {
							const row = world.rows.get(id)!;
							if (!row.deleted) expect(emitted).toContain(id);
						}
					},
				),
				{ numRuns: 300 },
			);
		},
	);

	it('a backlog is worked through: no poll reads more than Max Pages, the cursor advances', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 60 }),
				fc.integer({ min: 1, max: 5 }),
				fc.integer({ min: 1, max: 3 }),
				async (backlog, pageSize, maxPages) => {
					const world = new World('created');
					let state: CursorState | undefined = (
						await pollCursor(world.adapter(pageSize, maxPages, true), undefined)
					).state;
					world.activated = true;
					for (let k = 0; k < backlog; k++)
						world.apply({ kind: 'create', skew: -(k % 3), delay: 0, during: false });
					world.apply({ kind: 'tick', seconds: 1 });
					const emitted: string[] = [];
					// a run of equal seconds read by offset is read twice (forwards, then backwards)
					for (let poll = 0; poll < 3 * backlog + 3; poll++) {
						const adapter = world.adapter(pageSize, maxPages, true);
						const result: Awaited<ReturnType<typeof pollCursor<Row>>> = await pollCursor(
							adapter,
							state,
						);
						expect(adapter.fetches).toBeLessThanOrEqual(maxPages);
						state = result.state;
						emitted.push(...result.changes.map((c) => c.record.id));
					}
					expect([...emitted].sort()).toEqual([...world.afterActivation].sort());
				},
			),
			{ numRuns: 100 },
		);
	});

	it('a list with no order key is read forwards, then backwards: a deletion hides nothing', async () => {
		let rows = ['a', 'b', 'c', 'd', 'e'];
		let fetches = 0;
		const adapter: CursorAdapter<string> = {
			fetch: async ({ page, size }) => {
				fetches++;
				// after the first page (a, b) is read, "a" is deleted: page 2 by offset starts at "d"
				if (fetches === 2) rows = rows.filter((r) => r !== 'a');
				return {
					records: rows.slice((page - 1) * size, page * size),
					more: page * size < rows.length,
				};
			},
			idOf: (r) => r,
			orderOf: () => undefined,
			timeOf: () => undefined,
			orderIsTime: false,
			lookback: 30,
			activationSince: (now) => now - 100,
			now: () => 1000,
			sample: async () => [],
			pageSize: 2,
			maxPages: 20,
		};
		const activation = await pollCursor(adapter, undefined);
		rows = ['a', 'b', 'c', 'd', 'e'];
		fetches = 0;
		const { changes } = await pollCursor(adapter, { cursor: activation.state.cursor, seen: {} });
		expect(changes.map((c) => c.record).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(activation.changes).toEqual([]);
	});
});
