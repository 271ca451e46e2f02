import { chunk, mapBounded, mapSettled } from '../../nodes/shared/concurrency';
import { sendInBatches } from '../../nodes/shared/transport/batch';

describe('mapSettled / mapBounded', () => {
	it('keeps input order and never exceeds the concurrency', async () => {
		let inFlight = 0;
		let max = 0;
		const out = await mapBounded(
			Array.from({ length: 20 }, (_, k) => k),
			3,
			async (n) => {
				inFlight++;
				max = Math.max(max, inFlight);
				await new Promise((r) => setTimeout(r, (n * 7) % 5));
				inFlight--;
				return n * 2;
			},
		);
		expect(out).toEqual(Array.from({ length: 20 }, (_, k) => k * 2));
		expect(max).toBe(3);
	});

	it('settles each input: one failure does not stop the others', async () => {
		const out = await mapSettled([1, 2, 3], 2, async (n) => {
			if (n === 2) throw new Error('two');
			return n;
		});
		expect(out[0]).toEqual({ ok: true, value: 1 });
		expect(out[1].ok).toBe(false);
		expect(out[2]).toEqual({ ok: true, value: 3 });
	});

	it('chunk splits into pieces of at most N', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	});
});

describe('sendInBatches', () => {
	it('sends 250 inputs as 3 batches and maps each reply record back to its input', async () => {
		const inputs = Array.from({ length: 250 }, (_, k) => `item-${k}`);
		const batches: number[] = [];
		const out = await sendInBatches(inputs, 100, 2, async (batch, first) => {
			batches.push(batch.length);
			return batch.map((value, k) =>
				value === 'item-150'
					? { ok: false as const, error: new Error('bad record') }
					: { ok: true as const, value: `${first + k}:${value}` },
			);
		});
		expect(batches).toEqual([100, 100, 50]);
		expect(out).toHaveLength(250);
		expect(out[0]).toEqual({ ok: true, value: '0:item-0' });
		expect(out[249]).toEqual({ ok: true, value: '249:item-249' });
		expect(out[150].ok).toBe(false);
	});

	it('a batch that fails whole fails each of its inputs, and only those', async () => {
		const out = await sendInBatches([1, 2, 3, 4, 5], 2, 1, async (batch) => {
			if (batch.includes(3)) throw new Error('batch down');
			return batch.map((value) => ({ ok: true as const, value }));
		});
		expect(out.map((r) => r.ok)).toEqual([true, true, false, false, true]);
	});

	it('a reply with the wrong number of records fails its batch as "unknown"', async () => {
		const out = await sendInBatches([1, 2], 2, 1, async () => [{ ok: true as const, value: 1 }]);
		expect(out.every((r) => !r.ok)).toBe(true);
		expect(String((out[0] as { error: Error }).error.message)).toContain('unknown');
	});
});

describe('mapSettled stopOnError', () => {
	it('starts no new input after a failure; in-flight ones finish', async () => {
		const started: number[] = [];
		const out = await mapSettled(
			[0, 1, 2, 3, 4, 5],
			2,
			async (n) => {
				started.push(n);
				await new Promise((r) => setTimeout(r, n === 1 ? 5 : 1));
				if (n === 0) throw new Error('zero');
				return n;
			},
			{ stopOnError: true },
		);
		expect(started).toEqual([0, 1]);
		expect(out.map((r) => r.ok)).toEqual([false, true, false, false, false, false]);
		expect((out[3] as { error: Error }).error.name).toBe('NotStartedError');
	});
});
