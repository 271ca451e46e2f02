import { chunk, mapSettled, NotStartedError, type Settled } from '../concurrency';

export interface BatchOptions {
	/**
	 * Send no new batch once any input has failed (a batch failed whole, or one of its records
	 * was refused): the node will stop at that failure, so what it sent after it would be
	 * written without being reported, and a re-run would write it twice. Batches already in
	 * flight finish. Set it when the node does not continue on fail.
	 */
	stopOnFailure?: boolean;
	/** The execution context whose 429/503 replies narrow the width (the node's `this`). */
	context?: object;
}

/**
 * Sends inputs in chunks of `batchSize`, at most `concurrency` chunks at a time (the width adapts:
 * `adaptive.ts`), and maps each reply
 * record back to its input: `send` returns one settled result per input of its chunk, in
 * chunk order. A chunk that fails as a whole fails each of its inputs with that error; with
 * `stopOnFailure`, the inputs of chunks not sent fail with `NotStartedError`.
 * The result has one entry per input, in input order.
 */
export async function sendInBatches<I, R>(
	inputs: readonly I[],
	batchSize: number,
	concurrency: number,
	send: (batch: I[], firstIndex: number) => Promise<Array<Settled<R>>>,
	options: BatchOptions = {},
): Promise<Array<Settled<R>>> {
	const size = Math.max(1, Math.floor(batchSize));
	const batches = chunk(inputs, size);
	let failed = false;
	const settled = await mapSettled(
		batches,
		concurrency,
		async (batch, k) => {
			if (failed && options.stopOnFailure) throw new NotStartedError();
			let answered = false;
			let results: Array<Settled<R>>;
			try {
				results = await send(batch, k * size);
				answered = true;
			} finally {
				// a batch that failed whole is a failure too
				if (!answered) failed = true;
			}
			if (results.length !== batch.length) {
				failed = true;
				throw new Error(
					`The service answered ${results.length} records for a batch of ${batch.length}: the outcome of this batch is unknown`,
				);
			}
			if (results.some((r) => !r.ok)) failed = true;
			return results;
		},
		{ stopOnError: options.stopOnFailure, context: options.context },
	);
	const out: Array<Settled<R>> = [];
	for (const [k, batchResult] of settled.entries()) {
		if (batchResult.ok) out.push(...batchResult.value);
		else
			for (let n = 0; n < batches[k].length; n++) out.push({ ok: false, error: batchResult.error });
	}
	return out;
}
