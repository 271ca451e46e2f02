import { AdaptiveWidth, listenForThrottles } from './transport/adaptive';

/** An input that was not started because an earlier one failed (stopOnError). */
export class NotStartedError extends Error {
	constructor() {
		super('Not sent: an earlier item failed');
		this.name = 'NotStartedError';
	}
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface MapOptions {
	/** Start no new input once one failed; those not started fail with NotStartedError. */
	stopOnError?: boolean;
	/** The width controller to use (shared across calls, e.g. the windows of one list). */
	controller?: AdaptiveWidth;
	/** The execution context whose 429/503 replies narrow the width (the node's `this`). */
	context?: object;
}

/**
 * Runs `task` over `inputs` with at most `concurrency` in flight, the width chosen by an
 * adaptive controller (AIMD, `transport/adaptive.ts`) between 1 and `concurrency`; results
 * keep input order. Each result is settled: one failure does not stop the others.
 */
export async function mapSettled<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
	options: MapOptions = {},
): Promise<Array<Settled<R>>> {
	// every index is assigned before the promise below resolves: the preset length changes nothing
	// Stryker disable next-line ArrayDeclaration: equivalent (see above)
	const results: Array<Settled<R>> = new Array<Settled<R>>(inputs.length);
	if (inputs.length === 0) return results;
	const controller = options.controller ?? new AdaptiveWidth({ max: concurrency });
	const unlisten = options.context ? listenForThrottles(options.context, controller) : undefined;
	let next = 0;
	let running = 0;
	let done = 0;
	let failed = false;
	try {
		await new Promise<void>((resolve) => {
			const finish = (): void => {
				done++;
				if (done === inputs.length) resolve();
			};
			const pump = (): void => {
				while (running < controller.width && next < inputs.length) {
					const index = next++;
					if (failed && options.stopOnError) {
						results[index] = { ok: false, error: new NotStartedError() };
						finish();
						continue;
					}
					running++;
					const startedAt = controller.started();
					void Promise.resolve()
						.then(async () => await task(inputs[index], index))
						.then(
							(value) => {
								results[index] = { ok: true, value };
								controller.completed(startedAt, true);
							},
							(error: unknown) => {
								failed = true;
								results[index] = { ok: false, error };
								controller.completed(startedAt, false);
							},
						)
						.finally(() => {
							running--;
							finish();
							pump();
						});
				}
			};
			pump();
		});
	} finally {
		unlisten?.();
	}
	return results;
}

/** Like mapSettled, but the first failure (in input order) is thrown once all have ended. */
export async function mapBounded<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
	options: Omit<MapOptions, 'stopOnError'> = {},
): Promise<R[]> {
	const settled = await mapSettled(inputs, concurrency, task, options);
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
