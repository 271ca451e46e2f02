import {
	paginateByOffset,
	paginateByPage,
	PagingLimitError,
	singleShot,
	type PageResult,
} from '../../../nodes/shared/transport/paginate';

type Mode = 'total' | 'nullTotal' | 'noTotal' | 'hasMore';

/** A fake page/size API over `count` records, counting calls and the pages asked for. */
function pagedApi(count: number, mode: Mode, opts: { shortPages?: boolean } = {}) {
	const records = Array.from({ length: count }, (_, k) => ({ n: k + 1 }));
	const calls: number[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetchPage = async (page: number, size: number): Promise<PageResult<{ n: number }>> => {
		calls.push(page);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise((r) => setImmediate(r));
		inFlight--;
		const items = records.slice((page - 1) * size, page * size);
		const result: PageResult<{ n: number }> = { items };
		if (mode === 'total') result.total = count;
		if (mode === 'nullTotal') result.total = null;
		if (mode === 'hasMore') result.hasMore = page * size < count;
		void opts;
		return result;
	};
	return { fetchPage, calls, stats: () => ({ maxInFlight }) };
}

describe('paginateByPage', () => {
	it.each<[Mode, number, number]>([
		['total', 25, 3],
		['nullTotal', 25, 3],
		['noTotal', 25, 3],
		['hasMore', 25, 3],
		['total', 30, 3],
		['hasMore', 30, 3],
	])('mode %s over %i records stops after %i requests', async (mode, count, expectedCalls) => {
		const api = pagedApi(count, mode);
		const out = await paginateByPage(api.fetchPage, { returnAll: true, pageSize: 10 });
		expect(out.map((r) => r.n)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
		expect(api.calls).toHaveLength(expectedCalls);
	});

	it('a full last page without total or has_more costs one extra (empty) request', async () => {
		const api = pagedApi(30, 'noTotal');
		await paginateByPage(api.fetchPage, { returnAll: true, pageSize: 10 });
		expect(api.calls).toEqual([1, 2, 3, 4]);
	});

	it('with has_more, a full last page ends without the extra request', async () => {
		const api = pagedApi(30, 'hasMore');
		await paginateByPage(api.fetchPage, { returnAll: true, pageSize: 10 });
		expect(api.calls).toEqual([1, 2, 3]);
	});

	it('an empty first page returns nothing after one request', async () => {
		const api = pagedApi(0, 'nullTotal');
		expect(await paginateByPage(api.fetchPage, { returnAll: true, pageSize: 10 })).toEqual([]);
		expect(api.calls).toEqual([1]);
	});

	it('Limit stops requesting as soon as enough items are in hand', async () => {
		const api = pagedApi(1000, 'total');
		const out = await paginateByPage(api.fetchPage, { returnAll: false, limit: 25, pageSize: 10 });
		expect(out).toHaveLength(25);
		expect(api.calls).toEqual([1, 2, 3]);
	});

	it('Limit smaller than a page asks for just that many in one request', async () => {
		const api = pagedApi(1000, 'noTotal');
		const seen: number[] = [];
		const out = await paginateByPage(
			async (page, size) => {
				seen.push(size);
				return await api.fetchPage(page, size);
			},
			{ returnAll: false, limit: 5, pageSize: 100 },
		);
		expect(out).toHaveLength(5);
		expect(seen).toEqual([5]);
	});

	it('with a known total, fetches the remaining pages concurrently and keeps their order', async () => {
		const api = pagedApi(1234, 'total');
		const out = await paginateByPage(api.fetchPage, {
			returnAll: true,
			pageSize: 100,
			concurrency: 4,
		});
		expect(out.map((r) => r.n)).toEqual(Array.from({ length: 1234 }, (_, k) => k + 1));
		expect(api.calls).toHaveLength(13);
		expect(api.stats().maxInFlight).toBe(4);
	});

	it('without a total, fetches windows of pages and stops at the first short one', async () => {
		const api = pagedApi(1234, 'noTotal');
		const out = await paginateByPage(api.fetchPage, {
			returnAll: true,
			pageSize: 100,
			concurrency: 4,
		});
		expect(out).toHaveLength(1234);
		expect(new Set(out.map((r) => r.n)).size).toBe(1234);
		// pages 1, then windows 2-5, 6-9, 10-13: the 13th is short
		expect(api.calls).toHaveLength(13);
	});

	it('stops with a clear error after Max Pages', async () => {
		const endless = async (): Promise<PageResult<number>> => ({ items: [1, 2], hasMore: true });
		await expect(
			paginateByPage(endless, { returnAll: true, pageSize: 2, maxPages: 5 }),
		).rejects.toThrow(PagingLimitError);
		await expect(
			paginateByPage(endless, { returnAll: true, pageSize: 2, maxPages: 5 }),
		).rejects.toThrow(/Stopped after 5 pages/);
	});
});

describe('paginateByOffset', () => {
	function offsetApi(count: number) {
		const calls: Array<[number, number]> = [];
		const fetchRange = async (offset: number, n: number): Promise<PageResult<number>> => {
			calls.push([offset, n]);
			return {
				items: Array.from(
					{ length: Math.max(0, Math.min(n, count - offset)) },
					(_, k) => offset + k,
				),
			};
		};
		return { fetchRange, calls };
	}

	it('never asks for more than the maximum page size and stops on a short page', async () => {
		const api = offsetApi(120);
		const out = await paginateByOffset(api.fetchRange, {
			returnAll: true,
			pageSize: 500,
			maxPageSize: 50,
		});
		expect(out).toHaveLength(120);
		expect(api.calls).toEqual([
			[0, 50],
			[50, 50],
			[100, 50],
		]);
	});

	it('Limit asks only for what is missing', async () => {
		const api = offsetApi(1000);
		const out = await paginateByOffset(api.fetchRange, {
			returnAll: false,
			limit: 70,
			pageSize: 50,
			maxPageSize: 50,
		});
		expect(out).toHaveLength(70);
		expect(api.calls).toEqual([
			[0, 50],
			[50, 20],
		]);
	});

	it('stops on an empty page', async () => {
		const api = offsetApi(100);
		await paginateByOffset(api.fetchRange, { returnAll: true, pageSize: 50, maxPageSize: 50 });
		expect(api.calls).toEqual([
			[0, 50],
			[50, 50],
			[100, 50],
		]);
	});
});

describe('singleShot', () => {
	it('returns all or the first Limit items from one call', async () => {
		let calls = 0;
		const fetchAll = async () => {
			calls++;
			return [1, 2, 3, 4];
		};
		expect(await singleShot(fetchAll, { returnAll: true })).toEqual([1, 2, 3, 4]);
		expect(await singleShot(fetchAll, { returnAll: false, limit: 2 })).toEqual([1, 2]);
		expect(calls).toBe(2);
	});
});
