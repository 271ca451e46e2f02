import fc from 'fast-check';

import {
	paginateByOffset,
	paginateByPage,
	pageSizeFor,
	type PageResult,
} from '../../nodes/shared/transport/paginate';

/** Generated cases per property; the mutation run (stryker.config.mjs) asks for a tenth. */
const runs = (n: number) =>
	Math.max(20, Math.round(n * Number(process.env.PROPERTY_RUNS_SCALE ?? 1)));

/**
 * Paging against generated adversaries (issue #16.10): any list length, page size, concurrency
 * and Limit; `total` exact, null, missing, too high or too low; `has_more` given or not; pages
 * that come back short; a failure at any page. The paginator returns every record once and in
 * order, or fails; it never starts a page after one failed.
 */
type TotalMode = 'exact' | 'null' | 'missing' | 'high' | 'low';

interface Scenario {
	records: number;
	pageSize: number;
	concurrency: number;
	limit: number | undefined;
	totalMode: TotalMode;
	hasMore: boolean;
	shortPages: number[];
	failAt: number | undefined;
	delays: number[];
}

const scenario = fc.record<Scenario>({
	records: fc.integer({ min: 0, max: 120 }),
	pageSize: fc.integer({ min: 1, max: 25 }),
	concurrency: fc.integer({ min: 1, max: 5 }),
	limit: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
	totalMode: fc.constantFrom<TotalMode>('exact', 'null', 'missing', 'high', 'low'),
	hasMore: fc.boolean(),
	shortPages: fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 2 }),
	failAt: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
	delays: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
});

async function ticks(n: number): Promise<void> {
	for (let i = 0; i < n; i++) await Promise.resolve();
}

/** A server over `s.records` records, misbehaving as the scenario says. */
function server(s: Scenario) {
	const list = Array.from({ length: s.records }, (_, i) => i);
	const log = { started: [] as number[], startedAfterFailure: 0, failed: false, calls: 0 };
	const totalOf = (): number | null | undefined => {
		switch (s.totalMode) {
			case 'exact':
				return s.records;
			case 'null':
				return null;
			case 'missing':
				return undefined;
			case 'high':
				return s.records + 1 + (s.records % 7);
			case 'low':
				return Math.max(0, s.records - 1 - (s.records % 5));
		}
	};
	const page = async (n: number, from: number, count: number): Promise<PageResult<number>> => {
		log.calls++;
		log.started.push(n);
		if (log.failed) log.startedAfterFailure++;
		await ticks(s.delays[n % s.delays.length]);
		if (n === s.failAt) {
			log.failed = true;
			throw new Error(`page ${n} failed`);
		}
		let items = list.slice(from, from + count);
		if (s.shortPages.includes(n) && items.length > 1) items = items.slice(0, -1);
		return {
			items,
			total: totalOf(),
			hasMore: s.hasMore ? from + count < s.records : undefined,
		};
	};
	return { log, page };
}

/** Is `got` the first records of the list, each once and in order? */
function isPrefix(got: number[]): boolean {
	return got.every((value, i) => value === i);
}

function check(s: Scenario, want: number, got: number[] | Error, failedFetched: boolean) {
	const informative = s.totalMode === 'exact' || s.hasMore;
	if (got instanceof Error) {
		// a failure is always allowed to surface; it must be a real one
		expect(got.message).toMatch(/failed|said the list holds|instead of|Stopped after/);
		return;
	}
	expect(failedFetched).toBe(false);
	expect(isPrefix(got)).toBe(true);
	expect(got.length).toBeLessThanOrEqual(want);
	const complete = Math.min(want, s.records);
	if (informative && s.shortPages.length === 0) expect(got.length).toBe(complete);
	if (s.totalMode === 'high' && want > s.records)
		throw new Error('returned short of a known total');
	// an exact total catches any short page; has_more catches a wrong total
	if (s.totalMode === 'exact') expect(got.length).toBe(complete);
	if (s.totalMode === 'low' && s.hasMore && s.shortPages.length === 0)
		expect(got.length).toBe(complete);
}

describe('paginateByPage: every record once, in order, or an error', () => {
	it('holds for any list, page size, concurrency, total, has_more, short page and failure', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (s) => {
				const { log, page } = server(s);
				const want = s.limit ?? Number.POSITIVE_INFINITY;
				let got: number[] | Error;
				try {
					got = await paginateByPage((n, size) => page(n, (n - 1) * size, size), {
						returnAll: s.limit === undefined,
						limit: s.limit,
						pageSize: s.pageSize,
						concurrency: s.concurrency,
						maxPages: 1000,
					});
				} catch (error) {
					got = error as Error;
				}
				check(s, want, got, log.failed);
				// no page is started once the failure is known: at most the workers racing it
				expect(log.startedAfterFailure).toBeLessThan(s.concurrency);
				// bounded work: never more pages than the list (or its announced total) has, plus one window
				const announced = s.totalMode === 'high' ? s.records + 1 + (s.records % 7) : s.records;
				const size = pageSizeFor(want, s.pageSize);
				expect(log.calls).toBeLessThanOrEqual(
					Math.ceil((announced + 1) / size) + s.concurrency + 1,
				);
			}),
			{ numRuns: runs(600) },
		);
	});

	it('after page 2 of 1,000 pages fails, at most one window more is requested', async () => {
		let calls = 0;
		const run = paginateByPage(
			async (n) => {
				calls++;
				await ticks(n === 2 ? 1 : 3);
				if (n === 2) throw new Error('page 2 failed');
				return { items: [n], total: 1000 };
			},
			{ returnAll: true, pageSize: 1, concurrency: 4 },
		);
		await expect(run).rejects.toThrow('page 2 failed');
		expect(calls).toBeLessThanOrEqual(5);
	});

	it('a short page although total says more is an error, not 100 of 1,000 records', async () => {
		const run = paginateByPage(
			async (n) => ({
				items: n === 1 ? Array.from({ length: 100 }, (_, i) => i) : [],
				total: 1000,
			}),
			{ returnAll: true, pageSize: 100, concurrency: 1 },
		);
		await expect(run).rejects.toThrow('said the list holds 1000 records but its pages gave 100');
	});
});

describe('paginateByOffset: every record once, in order, or an error', () => {
	it('holds for any list, page size, total and failure', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (s) => {
				const { log, page } = server({ ...s, hasMore: false });
				const want = s.limit ?? Number.POSITIVE_INFINITY;
				let got: number[] | Error;
				let calls = 0;
				try {
					got = await paginateByOffset(
						(offset, count) => {
							calls++;
							return page(calls, offset, count);
						},
						{
							returnAll: s.limit === undefined,
							limit: s.limit,
							pageSize: s.pageSize,
							maxPageSize: 50,
							maxPages: 1000,
						},
					);
				} catch (error) {
					got = error as Error;
				}
				if (got instanceof Error) {
					expect(got.message).toMatch(/failed|said the list holds/);
					return;
				}
				expect(log.failed).toBe(false);
				expect(isPrefix(got)).toBe(true);
				expect(got.length).toBeLessThanOrEqual(want);
				if (s.totalMode === 'exact') expect(got.length).toBe(Math.min(want, s.records));
				if (s.totalMode === 'high') expect(want).toBeLessThanOrEqual(got.length);
			}),
			{ numRuns: runs(400) },
		);
	});
});
