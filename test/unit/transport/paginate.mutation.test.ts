import {
	IncompleteListError,
	PagingLimitError,
	ShortPageError,
	paginateByOffset,
	paginateByPage,
	singleShot,
} from '../../../nodes/shared/transport/paginate';

/** Cases the mutation run (stryker.slice.mjs) found unchecked in paging. */
describe('paging errors say what happened and are told apart by name', () => {
	it('PagingLimitError', async () => {
		const error = await paginateByPage(async () => ({ items: [1, 2], hasMore: true }), {
			returnAll: true,
			pageSize: 2,
			maxPages: 3,
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PagingLimitError);
		expect((error as Error).name).toBe('PagingLimitError');
		expect((error as Error).message).toBe(
			'Stopped after 3 pages without reaching the end of the list. The API may be ignoring a filter; narrow the search, use Limit, or raise "Max Pages" in Options.',
		);
	});

	it('IncompleteListError', async () => {
		const error = await paginateByOffset(async () => ({ items: [1], total: 3 }), {
			returnAll: true,
			pageSize: 2,
			maxPageSize: 50,
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IncompleteListError);
		expect((error as Error).name).toBe('IncompleteListError');
		expect((error as Error).message).toBe(
			'The API said the list holds 3 records but its pages gave 1: records were added or removed while paging, or the API miscounts. Run again, or narrow the search.',
		);
	});

	it('ShortPageError', async () => {
		const error = await paginateByPage(
			async (page) => ({ items: page === 1 ? [1] : [2, 3], hasMore: true }),
			{ returnAll: true, pageSize: 2 },
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ShortPageError);
		expect((error as Error).name).toBe('ShortPageError');
		expect((error as Error).message).toBe(
			'Page 1 of the list held 1 records instead of 2 although more pages follow: the API pages differently than asked, and records would be skipped. Lower "Page Size" in Options.',
		);
	});
});

describe('where a list ends', () => {
	it('an empty page ends it, even when it says more follow', async () => {
		const asked: number[] = [];
		const out = await paginateByPage(
			async (page) => {
				asked.push(page);
				return { items: page === 1 ? [1, 2] : [], hasMore: true };
			},
			{ returnAll: true, pageSize: 2, maxPages: 10 },
		);
		expect(out).toEqual([1, 2]);
		expect(asked).toEqual([1, 2]);
	});

	it('a negative total is no total: the pages decide', async () => {
		const pages: Record<number, number[]> = { 1: [1, 2], 2: [3, 4], 3: [5] };
		const out = await paginateByPage(async (page) => ({ items: pages[page] ?? [], total: -1 }), {
			returnAll: true,
			pageSize: 2,
		});
		expect(out).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('singleShot', () => {
	it('returns all, the first Limit, or nothing without asking', async () => {
		let calls = 0;
		const fetchAll = async () => {
			calls++;
			return [1, 2, 3];
		};
		expect(await singleShot(fetchAll, { returnAll: true })).toEqual([1, 2, 3]);
		expect(await singleShot(fetchAll, { returnAll: false, limit: 2 })).toEqual([1, 2]);
		expect(await singleShot(fetchAll, { returnAll: false })).toEqual([1, 2, 3]);
		expect(calls).toBe(3);
		expect(await singleShot(fetchAll, { returnAll: false, limit: 0 })).toEqual([]);
		expect(await singleShot(fetchAll, { returnAll: false, limit: -4 })).toEqual([]);
		expect(calls).toBe(3);
	});
});
