import { mapBounded, mapSettled, NotStartedError } from '../../nodes/shared/concurrency';
import { AdaptiveWidth } from '../../nodes/shared/transport/adaptive';
import { sendInBatches } from '../../nodes/shared/transport/batch';

/** Cases the mutation run of concurrency.ts (stryker.slice.mjs) found unchecked. */

describe('no inputs', () => {
	it('mapSettled, mapBounded and sendInBatches of nothing end at once, with nothing', async () => {
		let calls = 0;
		const task = async () => {
			calls++;
			return 1;
		};
		expect(await mapSettled([], 4, task)).toEqual([]);
		expect(await mapBounded([], 4, task)).toEqual([]);
		expect(await sendInBatches([], 10, 4, async () => [])).toEqual([]);
		expect(calls).toBe(0);
	});
});

describe('NotStartedError', () => {
	it('says why the input was not sent', () => {
		const error = new NotStartedError();
		expect(error.message).toBe('Not sent: an earlier item failed');
		expect(error.name).toBe('NotStartedError');
	});
});

describe('the width adapts to outcomes', () => {
	it('failed tasks, however fast, do not grow the width', async () => {
		const controller = new AdaptiveWidth({ max: 8, start: 2, now: () => 0 });
		const out = await mapSettled(
			Array.from({ length: 20 }, (_, k) => k),
			8,
			async () => {
				throw new Error('refused');
			},
			{ controller },
		);
		expect(out.every((r) => !r.ok)).toBe(true);
		expect(controller.widths).toEqual([2]);
	});

	it('fast clean tasks do (the same run, succeeding)', async () => {
		const controller = new AdaptiveWidth({ max: 8, start: 2, now: () => 0 });
		await mapSettled(
			Array.from({ length: 20 }, (_, k) => k),
			8,
			async (n) => n,
			{ controller },
		);
		expect(controller.width).toBeGreaterThan(2);
	});
});
