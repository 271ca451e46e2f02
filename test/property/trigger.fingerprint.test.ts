import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';

import { fingerprint, pollSnapshot, stableStringify } from '../../nodes/shared/trigger';

/** Rebuilds a JSON value with every object's keys in another order. */
function shuffled(value: unknown, seed: number): unknown {
	if (Array.isArray(value)) return value.map((v, k) => shuffled(v, seed + k));
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value);
	const order = keys
		.map((k, n) => ({ k, w: (n * 7919 + seed * 104729) % (keys.length + 3) }))
		.sort((a, b) => a.w - b.w);
	return Object.fromEntries(
		order.map(({ k }) => [k, shuffled((value as Record<string, unknown>)[k], seed + 1)]),
	);
}

describe('trigger fingerprint: every field, any depth, any key order', () => {
	it('the same record in any key order has the same text and fingerprint', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
				const other = shuffled(value, seed);
				expect(stableStringify(other)).toBe(stableStringify(value));
				expect(fingerprint(other)).toBe(fingerprint(value));
			}),
			{ numRuns: 1000 },
		);
	});

	it('two records have the same text only when they are equal (no field is left out)', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
				const same = stableStringify(a) === stableStringify(b);
				expect(same).toBe(
					isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b))),
				);
			}),
			{ numRuns: 1000 },
		);
	});

	it('a change of any nested field of a contact is an update', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string(), { maxKeys: 5 }),
				fc.string({ minLength: 1, maxLength: 8 }),
				fc.string(),
				(script, key, value) => {
					fc.pre(script[key] !== value);
					const before = { idc: 1, Name: 'A', ContactScript: [{ ids: 10, ...script }] };
					const after = {
						idc: 1,
						Name: 'A',
						ContactScript: [{ ids: 10, ...script, [key]: value }],
					};
					const first = pollSnapshot([before], (c) => String(c.idc), undefined, undefined);
					const second = pollSnapshot([after], (c) => String(c.idc), first.state, undefined);
					expect(second.changes.map((c) => c.kind)).toEqual(['updated']);
				},
			),
			{ numRuns: 500 },
		);
	});
});
