import { mapSettled, NotStartedError } from '../concurrency';
import { AdaptiveWidth } from './adaptive';

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
	/**
	 * Most pages fetched at once when the remaining pages are known or guessed; 1 = sequential.
	 * The width in use adapts between 1 and this (`adaptive.ts`).
	 */
	concurrency?: number;
	/** The execution context whose 429/503 replies narrow the width (the node's `this`). */
	context?: object;
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

/** The list ended with fewer records than the total the API gave: nothing is half-returned. */
export class IncompleteListError extends Error {
	constructor(got: number, total: number) {
		super(
			`The API said the list holds ${total} records but its pages gave ${got}: records were added or removed while paging, or the API miscounts. Run again, or narrow the search.`,
		);
		this.name = 'IncompleteListError';
	}
}

/** A page came back short although more pages follow: records would be skipped. */
export class ShortPageError extends Error {
	constructor(page: number, got: number, size: number) {
		super(
			`Page ${page} of the list held ${got} records instead of ${size} although more pages follow: the API pages differently than asked, and records would be skipped. Lower "Page Size" in Options.`,
		);
		this.name = 'ShortPageError';
	}
}

function wanted(options: PagingOptions): number {
	return options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit ?? 50);
}

function knownTotal<T>(page: PageResult<T>): number | undefined {
	return typeof page.total === 'number' && Number.isFinite(page.total) && page.total >= 0
		? page.total
		: undefined;
}

/**
 * The page size to ask for: the largest allowed for Return All; for a limit, the fewest pages
 * that hold it, split evenly, so that no more than `pages - 1` records beyond the limit are
 * asked for (a limit of 260 at 250 a page is 2 pages of 130, not 250 + 250). `page`/`size`
 * paging needs one size for every page: a smaller last page would start elsewhere.
 */
export function pageSizeFor(want: number, maxSize: number): number {
	const max = Math.max(1, Math.floor(maxSize));
	if (!Number.isFinite(want)) return max;
	const pages = Math.max(1, Math.ceil(want / max));
	return Math.max(1, Math.min(max, Math.ceil(want / pages)));
}

/**
 * Is this page the last one? An empty page always is; then `has_more` decides when given,
 * then `total`, then a short page.
 */
function isLastPage<T>(page: PageResult<T>, pageNumber: number, size: number): boolean {
	if (page.items.length === 0) return true;
	if (page.hasMore === false) return true;
	if (page.hasMore === true) return false;
	const total = knownTotal(page);
	if (total !== undefined) return pageNumber * size >= total;
	return page.items.length < size;
}

/**
 * Fetches `numbers` at most `controller.width` at a time, in order; after the first failure no
 * further page is started, and that failure is thrown.
 */
async function fetchPages<T>(
	numbers: number[],
	controller: AdaptiveWidth,
	context: object | undefined,
	fetchPage: (n: number) => Promise<PageResult<T>>,
): Promise<Array<PageResult<T>>> {
	const settled = await mapSettled(numbers, controller.max, async (n) => await fetchPage(n), {
		stopOnError: true,
		controller,
		context,
	});
	const failures = settled.filter((result) => !result.ok);
	if (failures.length) {
		// mapSettled starts inputs in order and marks only inputs after a failure NotStarted, so
		// failures[0] is always the real failure (the `find` is a guard)
		// Stryker disable next-line ArrowFunction: equivalent (see above)
		const real = failures.find((result) => !(result.error instanceof NotStartedError));
		throw (real ?? failures[0]).error;
	}
	return settled.map((result) => (result as { ok: true; value: PageResult<T> }).value);
}

/**
 * `page`/`size` paging (pages start at 1). Stops on an empty page, `has_more: false`, `total`
 * or a short page; a missing or null `total` is fine. With `limit`, stops requesting as soon as
 * enough items are in hand. When `total` is known, the remaining pages are fetched at most
 * `concurrency` at a time (the width adapts: `adaptive.ts`); when it is not, pages are fetched
 * in windows of the current width until one is the last. No page is started after one failed. Results keep page order; a list that
 * ends with fewer records than a known total is an error, never a silent short result.
 */
export async function paginateByPage<T>(
	fetchPage: (page: number, size: number) => Promise<PageResult<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const want = wanted(options);
	if (want === 0) return [];
	const size = pageSizeFor(want, options.pageSize);
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
	// one controller for the whole list: what the first windows learnt sets the next ones
	const controller = new AdaptiveWidth({ max: concurrency });
	const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
	const out: T[] = [];
	const fetchOne = async (n: number) => await fetchPage(n, size);

	const first = await fetchOne(1);
	out.push(...first.items);
	let total = knownTotal(first);
	const finish = (): T[] => {
		if (total !== undefined && out.length < Math.min(total, want))
			throw new IncompleteListError(out.length, total);
		return out.slice(0, want);
	};
	if (out.length >= want || isLastPage(first, 1, size)) return finish();
	if (first.items.length < size) throw new ShortPageError(1, first.items.length, size);

	const pagesNeededForWant = Number.isFinite(want)
		? Math.ceil(want / size)
		: Number.POSITIVE_INFINITY;
	let nextPage = 2;
	if (total !== undefined && first.hasMore !== true) {
		const lastPage = Math.min(Math.ceil(total / size), pagesNeededForWant);
		if (lastPage > maxPages) throw new PagingLimitError(maxPages);
		const numbers = Array.from({ length: Math.max(0, lastPage - 1) }, (_, k) => k + 2);
		const pages = await fetchPages(numbers, controller, options.context, fetchOne);
		let ended = false;
		for (const [k, page] of pages.entries()) {
			out.push(...page.items);
			total = knownTotal(page) ?? total;
			if (out.length >= want) return finish();
			if (page.items.length > 0 && page.items.length < size && k < pages.length - 1)
				throw new ShortPageError(numbers[k], page.items.length, size);
			if (page.items.length === 0 || page.hasMore === false) {
				ended = true;
				break;
			}
			if (k === pages.length - 1 && page.hasMore !== true) ended = true;
		}
		// (numbers is never empty here: page 1 was full and not the last, so lastPage >= 2)
		if (ended) return finish();
		// the last counted page says more follow: the total was wrong, go on page by page
		nextPage = lastPage + 1;
	}

	// total unknown (or wrong): windows of the controller's width, stop at the first last page
	while (nextPage <= maxPages) {
		const remainingPages = pagesNeededForWant - (nextPage - 1);
		const width = Math.max(1, Math.min(controller.width, remainingPages, maxPages - nextPage + 1));
		const numbers = Array.from({ length: width }, (_, k) => nextPage + k);
		const pages = await fetchPages(numbers, controller, options.context, fetchOne);
		for (const [k, page] of pages.entries()) {
			out.push(...page.items);
			total = knownTotal(page) ?? total;
			if (out.length >= want) return finish();
			const last = isLastPage(page, numbers[k], size);
			if (!last && page.items.length < size)
				throw new ShortPageError(numbers[k], page.items.length, size);
			if (last) return finish();
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
	let total: number | undefined;
	for (let pages = 0; out.length < want; pages++) {
		if (pages >= maxPages) throw new PagingLimitError(maxPages);
		const count = Math.min(size, want - out.length);
		const page = await fetchRange(out.length, count);
		out.push(...page.items);
		total = knownTotal(page) ?? total;
		if (page.items.length < count || page.hasMore === false) break;
		if (total !== undefined && out.length >= total) break;
	}
	if (total !== undefined && out.length < Math.min(total, want))
		throw new IncompleteListError(out.length, total);
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
