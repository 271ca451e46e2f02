import {
	AdaptiveWidth,
	listenForThrottles,
	observeWidths,
	reportThrottle,
} from '../../../nodes/shared/transport/adaptive';

import { controller } from '../../lib/adaptiveClock';

/** Cases the mutation run of adaptive.ts (stryker.slice.mjs) found unchecked. */

describe('what counts as a fast reply', () => {
	it('up to 2× the fastest plus 20 ms is fast: the width grows', () => {
		const { c, run } = controller(16, 2);
		run(1, 20); // fastest 20 ms: fast means at most about 60 ms
		run(1, 55);
		expect(c.width).toBe(3);
		run(3, 55);
		expect(c.width).toBe(4);
	});

	it('exactly at the limit is still fast', () => {
		const { c, run } = controller(16, 2);
		run(1, 29);
		// a 79 ms reply moves the baseline to 29 + (79 − 29) × 0.01 = 29.5: limit 2 × 29.5 + 20 = 79
		run(1, 79);
		expect(c.width).toBe(3);
	});

	it('just above it is not: the width stays', () => {
		const { c, run } = controller(16, 2);
		run(1, 20);
		run(1, 61);
		run(1, 20);
		expect(c.width).toBe(2);
	});

	it('the fastest-reply baseline drifts toward a slower server, never beyond its pace', () => {
		const { c, run } = controller(64, 2);
		run(1, 20);
		run(300, 100); // the server settled at 100 ms: 100 ms replies become fast again
		const width = c.width;
		expect(width).toBeGreaterThan(2);
		expect(width).toBeLessThan(64);
		// three times that pace is slow: one window of such replies does not grow the width
		run(width, 300);
		expect(c.width).toBe(width);
	});

	it('an average exactly at 4× the fastest plus 20 ms is not yet slow', () => {
		const { c, run } = controller(16, 2);
		run(2, 15); // one window: width 3, fastest and average 15 ms
		expect(c.width).toBe(3);
		// a 265 ms reply: fastest 15 + 250 × 0.01 = 17.5, average 15 + 250 × 0.3 = 90 = 4 × 17.5 + 20
		run(1, 265);
		expect(c.width).toBe(3);
		run(1, 265); // now above it: back to the start width
		expect(c.width).toBe(2);
	});

	it('at the start width, slow replies do not keep fast ones that follow from growing it', () => {
		const { c, run } = controller(16, 2);
		run(1, 20);
		run(5, 400); // slow on average, but the width is at its start: nothing to take back
		expect(c.width).toBe(2);
		run(2, 20); // one window of fast clean replies
		expect(c.width).toBe(3);
	});
});

describe('decreases', () => {
	it('a 429 of a request sent at the very moment of the last decrease halves again', () => {
		const { c, at } = controller(16, 8);
		at(100);
		c.throttled(90);
		expect(c.width).toBe(4);
		c.throttled(100); // not sent before the decrease
		expect(c.width).toBe(2);
	});

	it('a decrease at the floor is no change: not recorded, observers not told', () => {
		const seen: number[] = [];
		const stop = observeWidths((width) => seen.push(width));
		try {
			const { c, at } = controller(16, 1);
			at(10);
			c.throttled(10);
			at(20);
			c.throttled(20);
			expect(c.width).toBe(1);
			expect(c.widths).toEqual([1]);
			expect(c.throttles).toBe(2);
		} finally {
			stop();
		}
		expect(seen).toEqual([]);
	});
});

describe('throttle listeners', () => {
	it('every controller listening on one context hears its 429s', () => {
		const ctx = {};
		const a = new AdaptiveWidth({ max: 8, start: 8 });
		const b = new AdaptiveWidth({ max: 8, start: 8 });
		const stopA = listenForThrottles(ctx, a);
		const stopB = listenForThrottles(ctx, b);
		try {
			reportThrottle(ctx, Date.now() + 1000);
			expect([a.width, b.width]).toEqual([4, 4]);
		} finally {
			stopA();
			stopB();
		}
	});
});
