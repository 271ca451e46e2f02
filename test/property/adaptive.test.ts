import fc from 'fast-check';

import { mapSettled } from '../../nodes/shared/concurrency';
import {
	AdaptiveWidth,
	observeWidths,
	reportThrottle,
} from '../../nodes/shared/transport/adaptive';
import { backoffDelay } from '../../nodes/shared/transport/retry';
import { prng } from '../lib/prng';
import { virtualTime } from '../lib/virtualTime';

/** Generated cases per property; the mutation run asks for a tenth. */
const runs = (n: number) =>
	Math.max(10, Math.round(n * Number(process.env.PROPERTY_RUNS_SCALE ?? 1)));

type Reply = 'fast' | 'slow' | 'throttled' | 'failed';

describe('AdaptiveWidth: any reply sequence', () => {
	it('keeps the width within [1, max]', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 32 }),
				fc.array(
					fc.record({
						reply: fc.constantFrom<Reply>('fast', 'slow', 'throttled', 'failed'),
						ms: fc.integer({ min: 0, max: 2000 }),
						sentBefore: fc.integer({ min: 0, max: 3000 }),
					}),
					{ maxLength: 300 },
				),
				(max, replies) => {
					let t = 0;
					const c = new AdaptiveWidth({ max, now: () => t });
					for (const r of replies) {
						t += r.ms;
						if (r.reply === 'throttled') c.throttled(t - r.sentBefore);
						else c.completed(t - (r.reply === 'slow' ? r.ms * 10 : r.ms), r.reply !== 'failed');
						expect(c.width).toBeGreaterThanOrEqual(1);
						expect(c.width).toBeLessThanOrEqual(max);
						expect(Number.isInteger(c.width)).toBe(true);
					}
					expect(c.widths.every((w) => w >= 1 && w <= max)).toBe(true);
				},
			),
			{ numRuns: runs(300) },
		);
	});
});

/** The backoff of the request layer, its base scaled from 500 ms to these 0-3 ms replies. */
const backoff = { baseDelayMs: 4, maxDelayMs: 240 };

describe('mapSettled under a server that answers 429 above N in flight', () => {
	it('loses, repeats and reorders nothing, and stays above N only briefly', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 8 }), // N
				fc.integer({ min: 1, max: 16 }), // the user's maximum
				fc.integer({ min: 10, max: 80 }), // inputs
				fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }), // ms per reply
				fc.integer(), // the seed of the backoff's jitter
				async (limit, max, count, delays, seed) => {
					// on virtual time: the same case gives the same run on a quiet or a busy machine
					const time = virtualTime();
					const random = prng(seed);
					const ctx = {};
					const widths: number[] = [Math.min(4, max)];
					const stop = observeWidths((w) => widths.push(w));
					let inFlight = 0;
					let throttles = 0;
					let served = 0;
					const calls = new Array<number>(count).fill(0);
					const out = await time.run(
						async () =>
							await mapSettled(
								Array.from({ length: count }, (_, k) => k),
								max,
								async (n) => {
									calls[n]++;
									// as the request layer does: report a 429, retry it after a full-jitter
									// exponential backoff (its base scaled to these millisecond replies)
									for (let attempt = 0; attempt < 1000; attempt++) {
										const sentAt = time.now();
										inFlight++;
										if (inFlight > limit) {
											inFlight--;
											throttles++;
											reportThrottle(ctx, sentAt);
											await time.sleep(backoffDelay(attempt, backoff, random));
											continue;
										}
										await time.sleep(delays[(n + attempt) % delays.length]);
										inFlight--;
										served++;
										return `r${n}`;
									}
									throw new Error('gave up');
								},
								{ context: ctx },
							),
					);
					stop();
					expect(out.map((r) => (r.ok ? r.value : 'lost'))).toEqual(
						Array.from({ length: count }, (_, k) => `r${k}`),
					);
					expect(calls.every((c) => c === 1)).toBe(true);
					expect(served).toBe(count);
					// AIMD: the width grows by 1 at a time and falls by at least half (to the start width
					// at the lowest on slow replies); a 429 past the overshoot always narrows it
					const start = Math.min(4, max);
					for (let k = 1; k < widths.length; k++) {
						const [before, after] = [widths[k - 1], widths[k]];
						if (after > before) expect(after).toBe(before + 1);
						else expect(after).toBeLessThanOrEqual(Math.max(start, Math.floor(before / 2), 1));
						expect(after).toBeGreaterThanOrEqual(1);
						expect(after).toBeLessThanOrEqual(max);
					}
					if (throttles > 0) expect(widths.some((w, k) => k > 0 && w < widths[k - 1])).toBe(true);
					// and the cost stays bounded: a request is retried at most once on average past the
					// first overshoot, nothing like a fixed width retried on nearly every attempt
					expect(throttles).toBeLessThanOrEqual(count + 2 * max);
					if (max <= limit) expect(throttles).toBe(0);
				},
			),
			{ numRuns: runs(40) },
		);
	});
});
