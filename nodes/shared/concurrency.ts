/** An input that was not started because an earlier one failed (stopOnError). */
export class NotStartedError extends Error {
	constructor() {
		super('Not sent: an earlier item failed');
		this.name = 'NotStartedError';
	}
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `task` over `inputs` with at most `concurrency` in flight; results keep input order.
 * Each result is settled: one failure does not stop the others.
 */
export async function mapSettled<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
	options: { stopOnError?: boolean } = {},
): Promise<Array<Settled<R>>> {
	const results: Array<Settled<R>> = new Array<Settled<R>>(inputs.length);
	let next = 0;
	let failed = false;
	const width = Math.max(1, Math.min(Math.floor(concurrency) || 1, inputs.length));
	const worker = async (): Promise<void> => {
		while (next < inputs.length) {
			const index = next++;
			if (failed && options.stopOnError) {
				results[index] = { ok: false, error: new NotStartedError() };
				continue;
			}
			try {
				results[index] = { ok: true, value: await task(inputs[index], index) };
			} catch (error) {
				failed = true;
				results[index] = { ok: false, error };
			}
		}
	};
	await Promise.all(Array.from({ length: width }, worker));
	return results;
}

/** Like mapSettled, but the first failure (in input order) is thrown once all have ended. */
export async function mapBounded<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const settled = await mapSettled(inputs, concurrency, task);
	return settled.map((result) => {
		if (!result.ok) throw result.error;
		return result.value;
	});
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const width = Math.max(1, Math.floor(size));
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += width)
		out.push(list.slice(start, start + width));
	return out;
}
