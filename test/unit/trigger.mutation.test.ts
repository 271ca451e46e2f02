import {
	isCursorState,
	pollCursor,
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
		let state: CursorState | undefined = { cursor: 100, seen: {} };
		const emitted: string[] = [];
		for (let poll = 0; poll < 10; poll++) {
			const out = await pollCursor(adapter, JSON.parse(JSON.stringify(state)) as CursorState);
			emitted.push(...ids(out.changes));
			state = out.state;
			if (!state.walk) break;
		}
		expect(emitted.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(state?.walk).toBeUndefined();
	});
});
