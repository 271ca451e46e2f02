import { clock } from '../../nodes/shared/transport/clock';

/** Replaces the layer's clock: sleeps return at once and advance `now`; waits are recorded. */
export function useFakeClock(start = Date.parse('2026-01-01T00:00:00Z')) {
	const original = { ...clock };
	const state = { now: start, waits: [] as number[] };
	beforeEach(() => {
		state.now = start;
		state.waits = [];
		clock.now = () => state.now;
		clock.sleep = async (ms: number) => {
			state.waits.push(ms);
			state.now += ms;
		};
		clock.random = () => 0.5;
	});
	afterEach(() => Object.assign(clock, original));
	return state;
}
