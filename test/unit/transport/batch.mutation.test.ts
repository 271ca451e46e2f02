import { NotStartedError, type Settled } from '../../../nodes/shared/concurrency';
import { observeWidths, reportThrottle } from '../../../nodes/shared/transport/adaptive';
import { sendInBatches } from '../../../nodes/shared/transport/batch';

/** Cases the mutation run of batch.ts (stryker.slice.mjs) found unchecked: Stop on Failure. */

const ok = (batch: number[]): Array<Settled<number>> => batch.map((value) => ({ ok: true, value }));

const inputs = Array.from({ length: 6 }, (_, k) => k + 1);

describe('sendInBatches with stopOnFailure', () => {
	it('sends every batch while all succeed', async () => {
		const sent: number[][] = [];
		const out = await sendInBatches(
			inputs,
			2,
			1,
			async (batch) => {
				sent.push(batch);
				return ok(batch);
			},
			{ stopOnFailure: true },
		);
		expect(sent).toEqual([
			[1, 2],
			[3, 4],
			[5, 6],
		]);
		expect(out).toEqual(ok(inputs));
	});

	it('a refused record stops the batches after its own', async () => {
		const sent: number[][] = [];
		const out = await sendInBatches(
			inputs,
			2,
			1,
			async (batch) => {
				sent.push(batch);
				return batch.map((value) =>
					value === 2 ? { ok: false, error: new Error('refused') } : { ok: true, value },
				);
			},
			{ stopOnFailure: true },
		);
		expect(sent).toEqual([[1, 2]]);
		expect(out.map((r) => r.ok)).toEqual([true, false, false, false, false, false]);
		expect(out.slice(2).every((r) => !r.ok && r.error instanceof NotStartedError)).toBe(true);
	});

	it('a batch that fails whole at once stops the batches queued with it', async () => {
		// the first send throws before returning a promise: the batches already queued
		// alongside it (width 4) must not go out
		const sent: number[][] = [];
		const send = (batch: number[]): Promise<Array<Settled<number>>> => {
			sent.push(batch);
			if (batch[0] === 1) throw new Error('connection refused');
			return Promise.resolve(ok(batch));
		};
		const out = await sendInBatches(inputs, 2, 4, send, { stopOnFailure: true });
		expect(sent).toEqual([[1, 2]]);
		expect(out.map((r) => (r.ok ? 'ok' : (r.error as Error).message))).toEqual([
			'connection refused',
			'connection refused',
			'Not sent: an earlier item failed',
			'Not sent: an earlier item failed',
			'Not sent: an earlier item failed',
			'Not sent: an earlier item failed',
		]);
	});

	it('without it, every batch is sent', async () => {
		const sent: number[][] = [];
		const send = (batch: number[]): Promise<Array<Settled<number>>> => {
			sent.push(batch);
			if (batch[0] === 1) throw new Error('connection refused');
			return Promise.resolve(ok(batch));
		};
		const out = await sendInBatches(inputs, 2, 4, send);
		expect(sent).toHaveLength(3);
		expect(out.map((r) => r.ok)).toEqual([false, false, true, true, true, true]);
	});
});

describe('sendInBatches and throttling', () => {
	it('a 429 of its context narrows the width', async () => {
		const ctx = {};
		const widths: number[] = [];
		const stop = observeWidths((width) => widths.push(width));
		try {
			await sendInBatches(
				Array.from({ length: 20 }, (_, k) => k),
				1,
				8,
				async (batch) => {
					if (batch[0] === 0) reportThrottle(ctx, Date.now() + 1000);
					await new Promise((resolve) => setTimeout(resolve, 1));
					return ok(batch);
				},
				{ context: ctx },
			);
		} finally {
			stop();
		}
		expect(widths[0]).toBe(2);
	});
});
