import { chunk, mapSettled, type Settled } from '../concurrency';

/**
 * Sends inputs in chunks of `batchSize`, `concurrency` chunks at a time, and maps each reply
 * record back to its input: `send` returns one settled result per input of its chunk, in
 * chunk order. A chunk that fails as a whole fails each of its inputs with that error.
 * The result has one entry per input, in input order.
 */
export async function sendInBatches<I, R>(
	inputs: readonly I[],
	batchSize: number,
	concurrency: number,
	send: (batch: I[], firstIndex: number) => Promise<Array<Settled<R>>>,
): Promise<Array<Settled<R>>> {
	const size = Math.max(1, Math.floor(batchSize));
	const batches = chunk(inputs, size);
	const settled = await mapSettled(batches, concurrency, async (batch, k) => {
		const results = await send(batch, k * size);
		if (results.length !== batch.length) {
			throw new Error(
				`The service answered ${results.length} records for a batch of ${batch.length}: the outcome of this batch is unknown`,
			);
		}
		return results;
	});
	const out: Array<Settled<R>> = [];
	for (const [k, batchResult] of settled.entries()) {
		if (batchResult.ok) out.push(...batchResult.value);
		else
			for (let n = 0; n < batches[k].length; n++) out.push({ ok: false, error: batchResult.error });
	}
	return out;
}
