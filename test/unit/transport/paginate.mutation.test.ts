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

/** A list served from a table of pages; records which pages were asked for. */
function served(pages: Record<number, { items: number[]; total?: number; hasMore?: boolean }>) {
	const asked: number[] = [];
	const fetch = async (page: number) => {
		asked.push(page);
		return pages[page] ?? { items: [] };
	};
	return { asked, fetch };
}

describe('pages after the first when the total is known', () => {
	it('more pages than Max Pages is refused before fetching them; exactly Max Pages is fine', async () => {
		const over = served({ 1: { items: [1, 2], total: 5 } });
		await expect(
			paginateByPage(over.fetch, { returnAll: true, pageSize: 2, maxPages: 2 }),
		).rejects.toThrow(PagingLimitError);
		expect(over.asked).toEqual([1]);
		const exact = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [3, 4] },
			3: { items: [5, 6] },
		});
		expect(
			await paginateByPage(exact.fetch, { returnAll: true, pageSize: 2, maxPages: 3 }),
		).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('a short page before the last one is an error', async () => {
		const list = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [3] },
			3: { items: [4, 5] },
		});
		const error = await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 }).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ShortPageError);
		expect((error as Error).message).toContain('Page 2 of the list held 1 records instead of 2');
	});

	it('an empty page, or has_more false, ends the list there; a later total replaces the first', async () => {
		const empty = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [], total: 2 },
			3: { items: [5, 6] },
		});
		expect(await paginateByPage(empty.fetch, { returnAll: true, pageSize: 2 })).toEqual([1, 2]);
		const done = served({
			1: { items: [1, 2], total: 6 },
			2: { items: [3, 4], hasMore: false, total: 4 },
			3: { items: [5, 6], total: 4 },
		});
		expect(await paginateByPage(done.fetch, { returnAll: true, pageSize: 2 })).toEqual([
			1, 2, 3, 4,
		]);
	});

	it('a total that was too low: the last counted page says more follow, paging goes on', async () => {
		const list = served({
			1: { items: [1, 2], total: 4 },
			2: { items: [3, 4], hasMore: true },
			3: { items: [5], hasMore: false },
		});
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).toEqual([
			1, 2, 3, 4, 5,
		]);
		expect(list.asked).toEqual([1, 2, 3]);
	});
});

describe('no page more than needed', () => {
	it('has_more true wins over a total that says the list ended', async () => {
		const list = served({
			1: { items: [1, 2], total: 2, hasMore: true },
			2: { items: [3], hasMore: false },
		});
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).toEqual([1, 2, 3]);
	});

	it('a total learnt on a later page ends the list on the page that reaches it', async () => {
		const list = served({ 1: { items: [1, 2] }, 2: { items: [3, 4], total: 4 } });
		expect(await paginateByPage(list.fetch, { returnAll: true, pageSize: 2 })).toEqual([
			1, 2, 3, 4,
		]);
		expect(list.asked).toEqual([1, 2]);
	});

	it('Limit 0 asks for nothing', async () => {
		const list = served({ 1: { items: [1, 2] } });
		expect(await paginateByPage(list.fetch, { returnAll: false, limit: 0, pageSize: 2 })).toEqual(
			[],
		);
		expect(list.asked).toEqual([]);
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
