import { AdaptiveWidth } from '../../nodes/shared/transport/adaptive';

/** An AdaptiveWidth on a hand-moved clock, for the adaptive-width tests. */
export function controller(max: number, start?: number) {
	let t = 0;
	const c = new AdaptiveWidth({ max, start, now: () => t });
	return {
		c,
		at: (ms: number) => {
			t = ms;
		},
		/** `n` tasks each taking `ms`, started and ended one after the other. */
		run(n: number, ms: number, ok = true) {
			for (let k = 0; k < n; k++) {
				const s = t;
				t += ms;
				c.completed(s, ok);
			}
		},
	};
}
