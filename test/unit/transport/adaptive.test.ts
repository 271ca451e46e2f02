import { mapSettled } from '../../../nodes/shared/concurrency';
import {
	AdaptiveWidth,
	listenForThrottles,
	observeWidths,
	reportThrottle,
} from '../../../nodes/shared/transport/adaptive';

import { controller } from '../../lib/adaptiveClock';

describe('AdaptiveWidth (AIMD)', () => {
	it('starts at 4, or at the maximum when it is lower', () => {
		expect(new AdaptiveWidth({ max: 16 }).width).toBe(4);
		expect(new AdaptiveWidth({ max: 2 }).width).toBe(2);
		expect(new AdaptiveWidth({ max: 0 }).width).toBe(1);
		expect(new AdaptiveWidth({ max: 8, start: 20 }).width).toBe(8);
	});

	it('adds 1 per window of fast clean replies, up to the maximum', () => {
		const { c, run } = controller(7);
		run(4, 20); // one window at width 4
		expect(c.width).toBe(5);
		run(5, 20);
		expect(c.width).toBe(6);
		run(100, 20);
		expect(c.width).toBe(7);
		expect(c.widths).toEqual([4, 5, 6, 7]);
	});

	it('a failed reply does not count as clean', () => {
		const { c, run } = controller(8);
		run(3, 20);
		run(1, 20, false);
		run(3, 20);
		expect(c.width).toBe(4);
		run(1, 20);
		expect(c.width).toBe(5);
	});

	it('halves on a 429/503, once per window: replies sent before the decrease do not halve again', () => {
		const { c, run, at } = controller(16, 8);
		at(100);
		c.throttled(90);
		expect(c.width).toBe(4);
		c.throttled(95); // same overshoot, sent before the decrease
		c.throttled(99);
		expect(c.width).toBe(4);
		at(200);
		c.throttled(150); // sent after it: the narrower width is still too wide
		expect(c.width).toBe(2);
		c.throttled(210);
		c.throttled(220);
		expect(c.width).toBe(1);
		c.throttled(300);
		expect(c.width).toBe(1);
		expect(c.throttles).toBe(7);
		run(1, 20);
		expect(c.width).toBe(2);
	});

	it('halves when replies grow slow on average, down to the start width, and does not grow on slow replies', () => {
		const { c, run } = controller(16, 2);
		run(14, 20); // grown from 2 by one per window: 2 + 3 + 4 + 5 replies
		expect(c.width).toBe(6);
		run(3, 70); // slower than 2× the fastest: not clean, but the average is not yet 4×
		expect(c.width).toBe(6);
		run(2, 300);
		expect(c.width).toBe(3);
		// and keeps halving while replies stay that slow, but never below the start width
		run(20, 300);
		expect(c.width).toBe(2);
		expect(c.widths).toEqual([2, 3, 4, 5, 6, 3, 2]);
	});

	it('slow replies never take the width below where it started', () => {
		const { c, run } = controller(16, 8);
		run(2, 20);
		run(20, 500);
		expect(c.width).toBe(8);
	});

	it('replies of tasks started before a decrease change nothing', () => {
		const { c, at } = controller(16, 8);
		at(100);
		c.throttled(100);
		expect(c.width).toBe(4);
		for (let k = 0; k < 20; k++) c.completed(50, true);
		expect(c.width).toBe(4);
	});

	it('tells observers of every change', () => {
		const seen: number[] = [];
		const stop = observeWidths((width) => seen.push(width));
		const { c, run } = controller(6);
		run(4, 20);
		c.throttled(1000);
		stop();
		run(50, 20);
		expect(seen).toEqual([5, 2]);
	});
});

describe('throttle signals are per execution context', () => {
	it('reach the controllers listening on that context only, until they stop', () => {
		const a = new AdaptiveWidth({ max: 8, start: 8 });
		const b = new AdaptiveWidth({ max: 8, start: 8 });
		const ctxA = {};
		const ctxB = {};
		const stopA = listenForThrottles(ctxA, a);
		const stopB = listenForThrottles(ctxB, b);
		reportThrottle(ctxA, Date.now());
		expect([a.width, b.width]).toEqual([4, 8]);
		stopA();
		stopB();
		reportThrottle(ctxB, Date.now() + 1000);
		expect(b.width).toBe(8);
	});

	it('mapSettled narrows when a task of its context reports a 429, keeping order', async () => {
		const ctx = {};
		const widths: number[] = [];
		const stop = observeWidths((width) => widths.push(width));
		let now = 0;
		let most = 0;
		const run = async (context: object) =>
			await mapSettled(
				Array.from({ length: 40 }, (_, k) => k),
				8,
				async (n) => {
					now++;
					most = Math.max(most, now);
					if (n === 3) reportThrottle(ctx, Date.now());
					await new Promise((r) => setTimeout(r, 2));
					now--;
					return n * 2;
				},
				{ context },
			);
		const out = await run(ctx);
		stop();
		expect(out.map((r) => (r.ok ? r.value : -1))).toEqual(
			Array.from({ length: 40 }, (_, k) => k * 2),
		);
		// 4 at first, halved to 2 by the 429, then grown back window by window
		expect(widths[0]).toBe(2);
		expect(most).toBeLessThanOrEqual(8);
		// a 429 of another context changes nothing
		widths.length = 0;
		const stop2 = observeWidths((width) => widths.push(width));
		await run({});
		stop2();
		expect(widths[0]).toBe(5);
	});

	it('mapSettled with a throwing task settles it as a failure and runs the rest', async () => {
		const out = await mapSettled([1, 2, 3], 2, (n) => {
			if (n === 2) throw new Error('sync');
			return Promise.resolve(n);
		});
		expect(out.map((r) => r.ok)).toEqual([true, false, true]);
	});
});
