import {
	fingerprint,
	isCursorState,
	pollCursor,
	pollSnapshot,
	stableStringify,
	type CursorAdapter,
	type CursorQuery,
	type CursorState,
} from '../../nodes/shared/trigger';

/**
 * Cases the mutation run of trigger.ts (stryker.slice.mjs) found unchecked: the state guard, the
 * cursor following the newest change time read, the two ends of a list (a short page, a reply
 * that says there is no more), and the backward pass over a run of equal order keys.
 */

interface Row {
	id: string;
	order: number;
	time?: number;
}

/**
 * An in-memory list as the CRMs answer it: rows with time >= since and order >= after, ascending
 * by order (ties in insertion order), `size` a page; `beforeFetch` changes the list between two
 * requests of one poll.
 */
function listAdapter(
	rows: Row[],
	overrides: Partial<CursorAdapter<Row>> & {
		beforeFetch?: (n: number, rows: Row[]) => void;
		more?: (query: CursorQuery, rest: number) => boolean;
	} = {},
) {
	const queries: CursorQuery[] = [];
	const { beforeFetch, more, ...rest } = overrides;
	const adapter: CursorAdapter<Row> = {
		async fetch(query) {
			beforeFetch?.(queries.length, rows);
			queries.push(query);
			const matching = rows
				.filter((r) => (r.time ?? Infinity) >= query.since)
				.filter((r) => query.after === undefined || r.order >= query.after)
				.sort((a, b) => a.order - b.order);
			const start = (query.page - 1) * query.size;
			const records = matching.slice(start, start + query.size);
			const left = matching.length - start - records.length;
			return { records, more: more ? more(query, left) : left > 0 };
		},
		idOf: (r) => r.id,
		orderOf: (r) => r.order,
		timeOf: (r) => r.time,
		orderIsTime: true,
		lookback: 10,
		activationSince: (now) => now - 60,
		now: () => 200,
		sample: async () => [],
		pageSize: 2,
		maxPages: 20,
		...rest,
	};
	return { adapter, queries };
}

const ids = (changes: Array<{ record: Row }>) => changes.map((c) => c.record.id);

describe('isCursorState', () => {
	it.each([
		['undefined', undefined],
		['null', null],
		['a number', 7],
		['a text', 'seen'],
		['an object without seen', { cursor: 5 }],
		['seen null', { cursor: 5, seen: null }],
		['seen a list', { cursor: 5, seen: ['a'] }],
		['seen a text', { cursor: 5, seen: 'a' }],
	])('refuses %s', (_, value) => {
		expect(isCursorState(value)).toBe(false);
	});

	it('accepts a state with its seen keys', () => {
		expect(isCursorState({ seen: {} })).toBe(true);
		expect(isCursorState({ cursor: 5, seen: { a: 5 } })).toBe(true);
	});
});

describe('pollCursor: the cursor follows the newest change time read', () => {
	it('moves to the newest record of the walk, not to the lowest time read', async () => {
		const rows = [
			{ id: 'a', order: 95, time: 95 },
			{ id: 'b', order: 150, time: 150 },
			{ id: 'c', order: 120, time: 120 },
		];
		const { adapter } = listAdapter(rows, { pageSize: 10 });
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes)).toEqual(['a', 'c', 'b']);
		expect(state.cursor).toBe(150);
		expect(state.walk).toBeUndefined();
	});

	it('stays at the lookback bound when the walk read nothing newer', async () => {
		const { adapter } = listAdapter([{ id: 'a', order: 92, time: 92 }], { pageSize: 10 });
		const { state } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(state.cursor).toBe(100);
	});
});

describe('pollCursor: where a list ends', () => {
	const full = () =>
		Array.from({ length: 6 }, (_, k) => ({ id: `r${k}`, order: 101 + k, time: 101 + k }));

	it('ends at a reply that says there is no more, even when its page is full', async () => {
		const { adapter, queries } = listAdapter(full(), { more: () => false });
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(queries).toHaveLength(1);
		expect(ids(changes)).toEqual(['r0', 'r1']);
		expect(state.walk).toBeUndefined();
	});

	it('ends at a short page, even when the reply says there is more', async () => {
		const { adapter, queries } = listAdapter(full().slice(0, 3), {
			pageSize: 4,
			more: () => true,
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(queries).toHaveLength(1);
		expect(ids(changes)).toEqual(['r0', 'r1', 'r2']);
		expect(state.walk).toBeUndefined();
	});

	it('goes on after a full page that says there is more', async () => {
		const { adapter, queries } = listAdapter(full());
		const { changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
		expect(queries.length).toBeGreaterThan(1);
	});
});

describe('pollCursor: a run of equal order keys read by offset', () => {
	it('finds, on the backward pass, records deletions shifted out of sight, down to page 1', async () => {
		// seven records share order key 150; pages of 2. After page 2 of the run is read, a, b and c
		// are deleted: page 3 is then empty, and d and e (now on page 1) and f, g (page 2) were
		// never on a forward page. Only reading the run again down to page 1 finds all of them
		const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, order: 150, time: 150 }));
		let deleted = false;
		const { adapter, queries } = listAdapter(rows, {
			beforeFetch: (n, list) => {
				const previous = queries[n - 1];
				if (!deleted && previous?.page === 2 && previous.after === 150) {
					list.splice(0, 3);
					deleted = true;
				}
			},
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(deleted).toBe(true);
		expect(ids(changes).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(new Set(ids(changes)).size).toBe(changes.length);
		expect(state.walk).toBeUndefined();
		expect(queries.map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[150, 1],
			[150, 2],
			[150, 3],
			[150, 2],
			[150, 1],
		]);
	});

	it('a backlog longer than the poll goes on at the next poll, each record once', async () => {
		const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, order: 150, time: 150 }));
		const { adapter } = listAdapter(rows, { maxPages: 2 });
		let state: CursorState = { cursor: 100, seen: {} };
		const emitted: string[] = [];
		for (let poll = 0; poll < 10; poll++) {
			const out: Awaited<ReturnType<typeof pollCursor<Row>>> = await pollCursor(
				adapter,
				JSON.parse(JSON.stringify(state)) as CursorState,
			);
			emitted.push(...ids(out.changes));
			state = out.state;
			if (!state.walk) break;
		}
		expect(emitted.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(state.walk).toBeUndefined();
	});
});

describe('pollCursor: leaving a run of equal order keys', () => {
	const run = (ids: string[], order: number) => ids.map((id) => ({ id, order, time: order }));

	it('reads the run again when its last page is short and ends the list', async () => {
		// one deletion after page 2 of the run: page 3 (short, the end) starts one record later
		const rows = run(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 150);
		let deleted = false;
		const { adapter, queries } = listAdapter(rows, {
			beforeFetch: (n, list) => {
				const previous = queries[n - 1];
				if (!deleted && previous?.page === 2 && previous.after === 150) {
					list.splice(0, 1);
					deleted = true;
				}
			},
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(state.walk).toBeUndefined();
		expect(queries.map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[150, 1],
			[150, 2],
			[150, 3],
			[150, 2],
			[150, 1],
		]);
	});

	it('reads the run again when a page ends on a later key, then goes on from that key', async () => {
		const rows = [
			...run(['a', 'b', 'c', 'd', 'e'], 150),
			...run(['f', 'g'], 160),
			...run(['h', 'i'], 170),
		];
		let deleted = false;
		const { adapter, queries } = listAdapter(rows, {
			beforeFetch: (n, list) => {
				const previous = queries[n - 1];
				if (!deleted && previous?.page === 2 && previous.after === 150) {
					list.splice(0, 1);
					deleted = true;
				}
			},
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
		expect(new Set(ids(changes)).size).toBe(9);
		expect(state.walk).toBeUndefined();
		expect(queries.map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[150, 1],
			[150, 2],
			[150, 3],
			[150, 2],
			[150, 1],
			[160, 1],
			[160, 2],
			[160, 1],
		]);
	});

	it('walks by key, not by offset: a deletion between pages of distinct keys hides nothing', async () => {
		const rows = [101, 102, 103, 104, 105, 106].map((t) => ({ id: `r${t}`, order: t, time: t }));
		let deleted = false;
		const { adapter, queries } = listAdapter(rows, {
			beforeFetch: (n, list) => {
				if (!deleted && n === 1) {
					list.splice(0, 1);
					deleted = true;
				}
			},
		});
		const { changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes)).toEqual(['r101', 'r102', 'r103', 'r104', 'r105', 'r106']);
		expect(queries.map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[102, 1],
			[103, 1],
			[104, 1],
			[105, 1],
		]);
	});

	it('an unordered list (no order key) is read by offset and again backwards at its end', async () => {
		const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, order: 0, time: 150 }));
		let deleted = false;
		const { adapter, queries } = listAdapter(rows, {
			orderOf: () => undefined,
			beforeFetch: (n, list) => {
				if (!deleted && n === 2) {
					list.splice(0, 1);
					deleted = true;
				}
			},
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(state.walk).toBeUndefined();
		expect(queries.map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[undefined, 2],
			[undefined, 3],
			[undefined, 2],
			[undefined, 1],
		]);
	});
});

describe('pollCursor: a record without an order key inside a run', () => {
	it('does not end the walk nor start it again: the run goes on by offset', async () => {
		// d has no order key (its reply lacks the field) and ends page 2 of the run of 150
		const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, order: 150, time: 150 }));
		rows.push({ id: 'g', order: 160, time: 160 });
		const { adapter, queries } = listAdapter(rows, {
			orderOf: (r) => (r.id === 'd' ? undefined : r.order),
		});
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(state.walk).toBeUndefined();
		expect(queries.slice(0, 4).map((q) => [q.after, q.page])).toEqual([
			[undefined, 1],
			[150, 1],
			[150, 2],
			[150, 3],
		]);
	});
});

describe('pollCursor: a walk over several polls and the server clock', () => {
	it('ends at the server time when the walk started, however far later polls read', async () => {
		// poll 1 at 200 reads up to 250 (the server runs 50 s ahead); poll 2 at 300 reads up to 260
		const rows = [210, 250, 255, 260].map((t) => ({ id: `r${t}`, order: t, time: t }));
		let now = 200;
		const { adapter } = listAdapter(rows, { maxPages: 1, now: () => now });
		const first = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(first.state.walk).toBeDefined();
		now = 300;
		const second = await pollCursor(adapter, first.state);
		const third = second.state.walk ? await pollCursor(adapter, second.state) : second;
		expect(third.state.walk).toBeUndefined();
		expect([...ids(first.changes), ...ids(second.changes), ...ids(third.changes)]).toEqual([
			'r210',
			'r250',
			'r255',
			'r260',
		]);
		// min(newest read 260, the server's time at the walk's start: 200 + 50)
		expect(third.state.cursor).toBe(250);
	});

	it('keeps, in a backlog, only the keys the rest of the walk can read again', async () => {
		const rows = [101, 120, 130, 140, 150, 160].map((t) => ({ id: `r${t}`, order: t, time: t }));
		const { adapter } = listAdapter(rows, { maxPages: 2 });
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(ids(changes)).toEqual(['r101', 'r120', 'r130']);
		expect(state.walk).toMatchObject({ after: 130 });
		// the walk goes on at >= 130; keys more than the lookback below it are dropped
		expect(Object.keys(state.seen).sort()).toEqual(['r120', 'r130']);
	});

	it('an empty list leaves the cursor where it was', async () => {
		const { adapter } = listAdapter([]);
		const { state, changes } = await pollCursor(adapter, { cursor: 100, seen: {} });
		expect(changes).toEqual([]);
		expect(state).toEqual({ cursor: 100, seen: {} });
	});
});

describe('stableStringify and fingerprint', () => {
	it('writes a value JSON has no text for as undefined, so a list holding one is not empty', () => {
		expect(stableStringify(undefined)).toBe('undefined');
		expect(fingerprint([undefined])).not.toBe(fingerprint([]));
	});
});

/** fingerprint({}) and fingerprint({ id: 1, name: 'x' }) as the trigger engine has stored them since it was written (2de898c). */
const PINNED_EMPTY = 'nf0rvpyc4et7';
const PINNED_RECORD = '6y4m3qzyv9l5';

describe('stable text and fingerprints', () => {
	const values: unknown[] = [
		[1, 2],
		[12],
		{ a: 1, b: 2 },
		{ b: 2, a: 1 },
		{ a: [1, { c: 'x,y' }], b: null },
		{ 'a"': '1,"b":2' },
		[],
		{},
	];

	it('the stable text is JSON of the same value, its keys sorted', () => {
		for (const value of values) expect(JSON.parse(stableStringify(value))).toEqual(value);
		expect(stableStringify({ b: 2, a: { d: 1, c: [3, 4] } })).toBe('{"a":{"c":[3,4],"d":1},"b":2}');
	});

	it('any change of any value gives another fingerprint; key order does not', () => {
		expect(fingerprint([1, 2])).not.toBe(fingerprint([12]));
		expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
		expect(fingerprint({ a: 'ab' })).not.toBe(fingerprint({ a: 'ba' }));
		expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
	});

	it('fingerprints stay the same across versions (they live in static data)', () => {
		// a changed hash would make every record of every active trigger look updated once after
		// an upgrade: these values pin the function
		expect(
			fingerprint({ ContactID: 42, Email: 'a@b.example', ContactScript: [{ Rep: 'x' }] }),
		).toBe(fingerprint({ ContactScript: [{ Rep: 'x' }], Email: 'a@b.example', ContactID: 42 }));
		expect(fingerprint({})).toBe(PINNED_EMPTY);
		expect(fingerprint({ id: 1, name: 'x' })).toBe(PINNED_RECORD);
	});
});

describe('pollSnapshot', () => {
	const idOf = (r: { id: string }) => r.id;

	it('the first read records and emits nothing', () => {
		const { state, changes } = pollSnapshot([{ id: 'a', v: 1 }], idOf, undefined, 'W1');
		expect(changes).toEqual([]);
		expect(Object.keys(state.fingerprints)).toEqual(['a']);
		expect(state.validator).toBe('W1');
	});

	it('a new id is new, a changed record updated, an unchanged one nothing', () => {
		const first = pollSnapshot(
			[
				{ id: 'a', v: 1 },
				{ id: 'b', v: 1 },
			],
			idOf,
			undefined,
			undefined,
		);
		const { changes } = pollSnapshot(
			[
				{ id: 'a', v: 1 },
				{ id: 'b', v: 2 },
				{ id: 'c', v: 1 },
			],
			idOf,
			first.state,
			undefined,
		);
		expect(changes.map((c) => [c.record.id, c.kind])).toEqual([
			['b', 'updated'],
			['c', 'new'],
		]);
	});

	it('keeps the previous validator when the read has none, and takes a new one', () => {
		const previous = { fingerprints: {}, validator: 'W1' };
		expect(pollSnapshot([], idOf, previous, undefined).state.validator).toBe('W1');
		expect(pollSnapshot([], idOf, previous, 'W2').state.validator).toBe('W2');
	});
});
