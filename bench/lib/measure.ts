import { performance } from 'node:perf_hooks';

/** Wall time of one run, in milliseconds. */
export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now();
	const value = await fn();
	return { ms: performance.now() - started, value };
}

/** Best (lowest) time of `runs` runs, to damp noise on a shared 2-core machine. */
export async function bestOf<T>(
	runs: number,
	fn: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
	let best: { ms: number; value: T } | undefined;
	for (let k = 0; k < runs; k++) {
		const run = await timeIt(fn);
		if (!best || run.ms < best.ms) best = run;
	}
	return best as { ms: number; value: T };
}

/**
 * Peak memory growth over a run, sampled every 5 ms: RSS, and the live JS memory (heap used +
 * external buffers). RSS alone can stay flat when the run reuses pages the heap freed before it
 * (e.g. after start-up), so the scenario reports the larger of the two.
 */
export async function peakRssGrowth<T>(fn: () => Promise<T>): Promise<{
	bytes: number;
	rssBytes: number;
	heapBytes: number;
	/** Live JS memory still held after the run and a full GC (needs --expose-gc): the result. */
	retainedBytes?: number;
	value: T;
}> {
	if (global.gc) global.gc();
	const live = () => {
		const usage = process.memoryUsage();
		return usage.heapUsed + usage.external;
	};
	const baseRss = process.memoryUsage().rss;
	const baseLive = live();
	let peakRss = baseRss;
	let peakLive = baseLive;
	const sample = () => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		peakLive = Math.max(peakLive, live());
	};
	const timer = setInterval(sample, 5);
	try {
		const value = await fn();
		sample();
		const rssBytes = peakRss - baseRss;
		const heapBytes = peakLive - baseLive;
		let retainedBytes: number | undefined;
		if (global.gc) {
			global.gc();
			retainedBytes = live() - baseLive;
		}
		return { bytes: Math.max(rssBytes, heapBytes), rssBytes, heapBytes, retainedBytes, value };
	} finally {
		clearInterval(timer);
	}
}

export interface ResultRow {
	scenario: string;
	contender: string;
	baseline: string;
	/** baseline time / contender time: > 1 means the contender is faster. */
	speedup?: number;
	ratio?: number;
	target?: string;
	met?: boolean;
	notes?: string;
}

export function printTable(rows: ResultRow[]): void {
	const lines = rows.map((r) => [
		r.scenario,
		r.contender,
		r.baseline,
		r.speedup !== undefined
			? `${r.speedup.toFixed(2)}×`
			: r.ratio !== undefined
				? r.ratio.toFixed(2)
				: '',
		r.target ?? '',
		r.met === undefined ? '' : r.met ? 'yes' : 'NO',
		r.notes ?? '',
	]);
	const header = ['scenario', 'contender', 'against', 'ratio', 'target', 'met', 'notes'];
	const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
	const fmt = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(widths[k])).join(' | ')} |`;
	process.stdout.write(`${fmt(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
	for (const line of lines) process.stdout.write(`${fmt(line)}\n`);
}
