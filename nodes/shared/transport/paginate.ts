import { mapBounded } from '../concurrency';

/** One page as a CRM returned it, reduced to what paging needs. */
export interface PageResult<T> {
	items: T[];
	/** Total number of records, when the API says it (null or absent otherwise). */
	total?: number | null;
	/** Whether more pages follow, when the API says it. */
	hasMore?: boolean | null;
}

export interface PagingOptions {
	returnAll: boolean;
	/** Items wanted when `returnAll` is false. */
	limit?: number;
	/** Records per page requested. */
	pageSize: number;
	/** Pages fetched at once when the remaining pages are known or guessed; 1 = sequential. */
	concurrency?: number;
	/** Safety cap on pages, for APIs that ignore an unsupported filter and page forever. */
	maxPages?: number;
}

export class PagingLimitError extends Error {
	constructor(pages: number) {
		super(
			`Stopped after ${pages} pages without reaching the end of the list. The API may be ignoring a filter; narrow the search, use Limit, or raise "Max Pages" in Options.`,
		);
		this.name = 'PagingLimitError';
	}
}

export const DEFAULT_MAX_PAGES = 5000;

function wanted(options: PagingOptions): number {
	return options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit ?? 50);
}

/** Is this page the last one, judged by total, has_more and a short or empty page? */
function isLastPage<T>(page: PageResult<T>, pageNumber: number, size: number): boolean {
	if (page.items.length === 0) return true;
	if (page.hasMore === false) return true;
	if (typeof page.total === 'number' && page.total >= 0 && pageNumber * size >= page.total)
		return true;
	if (page.hasMore === true) return false;
	return page.items.length < size;
}

/**
 * `page`/`size` paging (pages start at 1). Stops on `total`, `has_more`, a short or an empty
 * page; a missing or null `total` is fine. With `limit`, stops requesting as soon as enough
 * items are in hand. When `total` is known, the remaining pages are fetched `concurrency` at a
 * time; when it is not, pages are fetched in windows of `concurrency` until one is the last.
 * Results keep page order.
 */
export async function paginateByPage<T>(
	fetchPage: (page: number, size: number) => Promise<PageResult<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const want = wanted(options);
	if (want === 0) return [];
	const size = Math.max(1, Math.min(options.pageSize, want));
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	const out: T[] = [];

	const first = await fetchPage(1, size);
	out.push(...first.items);
	if (out.length >= want || isLastPage(first, 1, size)) return out.slice(0, want);

	const pagesNeededForWant = Number.isFinite(want)
		? Math.ceil(want / size)
		: Number.POSITIVE_INFINITY;
	if (typeof first.total === 'number' && first.total >= 0) {
		const lastPage = Math.min(Math.ceil(first.total / size), pagesNeededForWant);
		if (lastPage > maxPages) throw new PagingLimitError(maxPages);
		const numbers = Array.from({ length: Math.max(0, lastPage - 1) }, (_, k) => k + 2);
		const pages = await mapBounded(numbers, concurrency, async (n) => await fetchPage(n, size));
		for (const [k, page] of pages.entries()) {
			out.push(...page.items);
			if (out.length >= want || isLastPage(page, numbers[k], size)) break;
		}
		return out.slice(0, want);
	}

	// total unknown: windows of `concurrency` pages, stop at the first last page
	let nextPage = 2;
	while (nextPage <= maxPages) {
		const remainingPages = pagesNeededForWant - (nextPage - 1);
		const width = Math.max(1, Math.min(concurrency, remainingPages, maxPages - nextPage + 1));
		const numbers = Array.from({ length: width }, (_, k) => nextPage + k);
		const pages = await mapBounded(numbers, concurrency, async (n) => await fetchPage(n, size));
		for (const [k, page] of pages.entries()) {
			out.push(...page.items);
			if (out.length >= want || isLastPage(page, numbers[k], size)) return out.slice(0, want);
		}
		nextPage += width;
	}
	throw new PagingLimitError(maxPages);
}

/**
 * `offset`/`number_of_results` paging with a maximum page size (CRM.COM legacy: 50).
 * Stops on a short or empty page or on `total`; with `limit`, as soon as enough are in hand.
 */
export async function paginateByOffset<T>(
	fetchRange: (offset: number, count: number) => Promise<PageResult<T>>,
	options: PagingOptions & { maxPageSize: number },
): Promise<T[]> {
	const want = wanted(options);
	const size = Math.max(1, Math.min(options.pageSize, options.maxPageSize));
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	const out: T[] = [];
	for (let pages = 0; out.length < want; pages++) {
		if (pages >= maxPages) throw new PagingLimitError(maxPages);
		const count = Math.min(size, want - out.length);
		const page = await fetchRange(out.length, count);
		out.push(...page.items);
		if (page.items.length < count || page.hasMore === false) break;
		if (typeof page.total === 'number' && out.length >= page.total) break;
	}
	return out.slice(0, want);
}

/** A list the API returns whole in one reply: Return All or the first `limit`. */
export async function singleShot<T>(
	fetchAll: () => Promise<T[]>,
	options: Pick<PagingOptions, 'returnAll' | 'limit'>,
): Promise<T[]> {
	const want = wanted({ ...options, pageSize: 1 });
	if (want === 0) return [];
	const all = await fetchAll();
	return Number.isFinite(want) ? all.slice(0, want) : all;
}
