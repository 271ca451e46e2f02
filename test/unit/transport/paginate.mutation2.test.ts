import {
	IncompleteListError,
	PagingLimitError,
	pageSizeFor,
	paginateByOffset,
	paginateByPage,
	type PageResult,
} from '../../../nodes/shared/transport/paginate';

/**
 * Cases the second mutation run of paginate.ts (stryker.slice.mjs, after the adaptive-width
 * change) found unchecked: the window arithmetic of the unknown-total loop, Max Pages at its
 * boundary, and where an offset-paged list ends.
 */

type Page = PageResult<number>;

/** A page/size list served from a table; records the pages asked for and the most in flight. */
function served(
	pages: Record<number, Page>,
	fallback: (page: number) => Page = () => ({ items: [] }),
) {
	const asked: number[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetch = async (page: number): Promise<Page> => {
		asked.push(page);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise((resolve) => setImmediate(resolve));
		inFlight--;
		return pages[page] ?? fallback(page);
	};
	return { asked, fetch, maxInFlight: () => maxInFlight };
}

/** Full pages of `size` for ever (an API that ignores a filter), numbered from page 1. */
const endless =
	(size: number) =>
	(page: number): Page => ({
		items: Array.from({ length: size }, (_, k) => (page - 1) * size + k + 1),
	});

describe('pageSizeFor', () => {
	it('Return All asks for the largest page; a Limit for the fewest pages, split evenly', () => {
		expect(pageSizeFor(Number.POSITIVE_INFINITY, 250)).toBe(250);
		expect(pageSizeFor(260, 250)).toBe(130);
		expect(pageSizeFor(500, 250)).toBe(250);
		expect(pageSizeFor(501, 250)).toBe(167);
		expect(pageSizeFor(10, 250)).toBe(10);
		expect(pageSizeFor(1, 250)).toBe(1);
	});
});

describe('paginateByPage without a total', () => {
	it('pages of a Limit are fetched together, never one beyond the Limit', async () => {
		// Limit 6 at 2 a page: 3 pages; pages 2 and 3 go out together (width 4 allowed)
		const list = served({}, endless(2));
		const out = await paginateByPage(list.fetch, {
			returnAll: false,
			limit: 6,
			pageSize: 2,
			concurrency: 4,
		});
		expect(out).toEqual([1, 2, 3, 4, 5, 6]);
		expect([...list.asked].sort((a, b) => a - b)).toEqual([1, 2, 3]);
		expect(list.maxInFlight()).toBe(2);
	});

	it('no page beyond Max Pages is asked for, and the window up to it is fetched together', async () => {
		const list = served({}, endless(2));
		await expect(
			paginateByPage(list.fetch, { returnAll: true, pageSize: 2, concurrency: 4, maxPages: 3 }),
		).rejects.toThrow(PagingLimitError);
		expect([...list.asked].sort((a, b) => a - b)).toEqual([1, 2, 3]);
		expect(list.maxInFlight()).toBe(2);
	});

	it('a list that ends on exactly Max Pages is returned whole', async () => {
		const list = served({ 1: { items: [1, 2] }, 2: { items: [3, 4] }, 3: { items: [5] } });
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2, maxPages: 3 })).toEqual(
			[1, 2, 3, 4, 5],
		);
	});

	it('the page that reaches the Limit is the last one asked for', async () => {
		const list = served({}, endless(2));
		expect(
			await paginateByPage(list.fetch, { returnAll: false, limit: 4, pageSize: 2, concurrency: 1 }),
		).toEqual([1, 2, 3, 4]);
		expect(list.asked).toEqual([1, 2]);
	});

	it('a total first given on a later page counts: a list shorter than it is an error', async () => {
		const list = served({ 1: { items: [1, 2] }, 2: { items: [], total: 5 } });
		await expect(paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).rejects.toThrow(
			IncompleteListError,
		);
	});
});

describe('paginateByPage with a total', () => {
	it('has_more false before the counted end ends the list: no page after it', async () => {
		const list = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [3, 4], hasMore: false, total: 4 },
			3: { items: [5, 6], total: 4 },
		});
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).toEqual([
			1, 2, 3, 4,
		]);
		expect(list.asked).toEqual([1, 2, 3]);
	});

	it('the page that reaches the Limit ends the list, even when it says more follow', async () => {
		const list = served(
			{ 1: { items: [1, 2], total: 10 }, 2: { items: [3, 4], hasMore: true } },
			endless(2),
		);
		expect(
			await paginateByPage(list.fetch, { returnAll: false, limit: 4, pageSize: 2, concurrency: 1 }),
		).toEqual([1, 2, 3, 4]);
		expect(list.asked).toEqual([1, 2]);
	});

	it('only the last counted page saying more follow sends paging on', async () => {
		// page 2 says nothing, page 3 (the last counted) says more follow: the total was low
		const list = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [3, 4] },
			3: { items: [5, 6], hasMore: true },
			4: { items: [7], hasMore: false },
		});
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).toEqual([
			1, 2, 3, 4, 5, 6, 7,
		]);
		expect(list.asked).toEqual([1, 2, 3, 4]);
	});
});

/** An offset-paged list of `records` (1..records); `extra` fields on every reply. */
function offsetList(records: number, extra: Partial<Page> = {}, ignoreCount = false) {
	const calls: Array<[number, number]> = [];
	const fetchRange = async (offset: number, count: number): Promise<Page> => {
		calls.push([offset, count]);
		const end = ignoreCount ? records : Math.min(records, offset + count);
		return {
			items: Array.from({ length: Math.max(0, end - offset) }, (_, k) => offset + k + 1),
			...extra,
		};
	};
	return { calls, fetchRange };
}

describe('paginateByOffset', () => {
	it('stops at Max Pages when every page is full', async () => {
		const list = offsetList(1000);
		await expect(
			paginateByOffset(list.fetchRange, {
				returnAll: true,
				pageSize: 2,
				maxPageSize: 50,
				maxPages: 3,
			}),
		).rejects.toThrow(PagingLimitError);
		expect(list.calls).toEqual([
			[0, 2],
			[2, 2],
			[4, 2],
		]);
	});

	it('a full page with has_more false is the last', async () => {
		const list = offsetList(10, { hasMore: false });
		expect(
			await paginateByOffset(list.fetchRange, { returnAll: true, pageSize: 2, maxPageSize: 50 }),
		).toEqual([1, 2]);
		expect(list.calls).toEqual([[0, 2]]);
	});

	it('has_more true does not end a list', async () => {
		const list = offsetList(3, { hasMore: true });
		expect(
			await paginateByOffset(list.fetchRange, { returnAll: true, pageSize: 2, maxPageSize: 50 }),
		).toEqual([1, 2, 3]);
	});

	it('the page that reaches the total is the last asked for', async () => {
		const list = offsetList(4, { total: 4 });
		expect(
			await paginateByOffset(list.fetchRange, { returnAll: true, pageSize: 2, maxPageSize: 50 }),
		).toEqual([1, 2, 3, 4]);
		expect(list.calls).toEqual([
			[0, 2],
			[2, 2],
		]);
	});

	it('a Limit below the total is no incomplete list', async () => {
		const list = offsetList(10, { total: 10 });
		expect(
			await paginateByOffset(list.fetchRange, {
				returnAll: false,
				limit: 3,
				pageSize: 2,
				maxPageSize: 50,
			}),
		).toEqual([1, 2, 3]);
	});

	it('an API that sends more than asked gives no more than the Limit', async () => {
		const list = offsetList(10, {}, true);
		expect(
			await paginateByOffset(list.fetchRange, {
				returnAll: false,
				limit: 3,
				pageSize: 50,
				maxPageSize: 50,
			}),
		).toEqual([1, 2, 3]);
		expect(list.calls).toEqual([[0, 3]]);
	});
});
