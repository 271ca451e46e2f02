import { clock } from '../../nodes/shared/transport/clock';

/**
 * A discrete-event clock for tests of concurrent code: `sleep` parks a task on a virtual
 * timer, and `run` fires the timers one at a time in time order (first come first served at
 * equal times), letting every microtask settle between two of them. The outcome of a run
 * depends on its inputs only, never on how busy the machine is. While a run is on, the
 * transport's clock (`clock.now`, `clock.sleep`) reads this time.
 */
export function virtualTime() {
	let now = 0;
	let order = 0;
	const timers: Array<{ at: number; order: number; fire: () => void }> = [];
	const sleep = async (ms: number): Promise<void> =>
		await new Promise<void>((fire) => {
			timers.push({ at: now + Math.max(0, ms), order: order++, fire });
		});
	const settle = async (): Promise<void> => await new Promise<void>((r) => setImmediate(r));
	return {
		now: (): number => now,
		sleep,
		/** Runs `work` to its end on virtual time; fails on a deadlock or after `maxTimers` timers. */
		async run<T>(work: () => Promise<T>, maxTimers = 1_000_000): Promise<T> {
			const original = { ...clock };
			clock.now = () => now;
			clock.sleep = sleep;
			try {
				let outcome: { value: T } | { error: unknown } | undefined;
				void work().then(
					(value) => (outcome = { value }),
					(error: unknown) => (outcome = { error }),
				);
				for (let fired = 0; fired <= maxTimers; fired++) {
					await settle();
					if (outcome) {
						if ('error' in outcome) throw outcome.error;
						return outcome.value;
					}
					if (timers.length === 0) throw new Error('virtualTime: every task waits, no timer is set');
					timers.sort((a, b) => a.at - b.at || a.order - b.order);
					const timer = timers.shift()!;
					now = timer.at;
					timer.fire();
				}
				throw new Error(`virtualTime: still running after ${maxTimers} timers`);
			} finally {
				Object.assign(clock, original);
			}
		},
	};
}
