import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { pairReply, type ReplyRecord } from '../../nodes/CentrixOne/actions/contact/pairing';
import { NotStartedError } from '../../nodes/shared/concurrency';
import { sendInBatches } from '../../nodes/shared/transport/batch';

/**
 * Batch pairing against generated adversaries: a reply with records omitted, reordered,
 * duplicated (with the same or another outcome) and records added that belong to no item.
 * Each reply record carries, out of band, the index of the item it truly answers.
 */
type Tagged = ReplyRecord & { truth: number };

const sentArb = fc
	.array(fc.constantFrom('idc', 'ext', 'create'), { minLength: 1, maxLength: 12 })
	.map((kinds) =>
		kinds.map((kind, k): IDataObject => {
			if (kind === 'idc') return { idc: 100 + k, Name: `n${k}` };
			if (kind === 'ext') return { ExternalID: `EXT-${k}`, Name: `n${k}` };
			return { Name: `n${k}` };
		}),
	);

/** The faithful reply: one record per sent contact, in order. */
const truthOf = (sent: IDataObject[]): Tagged[] =>
	sent.map((record, k) => ({
		idc: record.idc !== undefined ? (record.idc as number) : 500 + k,
		ExternalID: (record.ExternalID as string | undefined) ?? '',
		Result: k % 5 === 4 ? 'Error' : 'Success',
		Error: k % 5 === 4 ? 'Refused' : undefined,
		truth: k,
	}));

const adversaryArb = fc.record({
	omit: fc.array(fc.boolean(), { maxLength: 12 }),
	order: fc.array(fc.nat(), { maxLength: 30 }),
	duplicate: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
	extra: fc.array(
		fc.record({
			idc: fc.option(fc.integer({ min: 900, max: 999 }), { nil: null }),
			ExternalID: fc.option(fc.constantFrom('STRANGER', 'OTHER', ''), { nil: null }),
			Result: fc.constantFrom('Success', 'Error'),
		}),
		{ maxLength: 3 },
	),
});

type Adversary = typeof adversaryArb extends fc.Arbitrary<infer T> ? T : never;

function attack(truth: Tagged[], adversary: Adversary): Tagged[] {
	let reply = truth.filter((_r, k) => !adversary.omit[k]);
	for (const [pick, sameOutcome] of adversary.duplicate) {
		if (!reply.length) break;
		const original = reply[pick % reply.length];
		reply.push(
			sameOutcome ? { ...original } : { ...original, Result: 'Error', Error: 'Conflicting' },
		);
	}
	reply.push(...adversary.extra.map((e) => ({ ...e, truth: -1 })));
	// a permutation driven by the generated numbers
	const keyed = reply.map((r, k) => ({ r, key: adversary.order[k] ?? k }));
	keyed.sort((a, b) => a.key - b.key);
	reply = keyed.map((x) => x.r);
	return reply;
}

describe('batch pairing: a record is never paired with the wrong item', () => {
	it('omitted / reordered / duplicated / extra reply records', () => {
		fc.assert(
			fc.property(sentArb, adversaryArb, (sent, adversary) => {
				const truth = truthOf(sent);
				const reply = attack(truth, adversary);
				const { pairs, warnings } = pairReply(sent, reply);
				expect(pairs).toHaveLength(sent.length);
				let answered = 0;
				pairs.forEach((pair, k) => {
					if (pair.kind !== 'answered') return;
					answered++;
					const answer = pair.answer as Tagged;
					if (pair.by === 'identity') {
						// an identified item gets its own record, never another's
						expect(answer.truth).toBe(k);
					} else {
						// by position: only a plain create, only from a reply of the batch's length in
						// which every identified item answered at its own place
						expect(sent[k].idc === undefined && sent[k].ExternalID === undefined).toBe(true);
						expect(reply).toHaveLength(sent.length);
						const other = answer.truth;
						if (other >= 0) {
							expect(sent[other].idc === undefined && sent[other].ExternalID === undefined).toBe(
								true,
							);
						}
					}
				});
				// every reply record is used once or reported
				expect(answered + warnings.length).toBe(reply.length);
			}),
			{ numRuns: 2000 },
		);
	});

	it('a faithful reply pairs every item with its own record', () => {
		fc.assert(
			fc.property(sentArb, (sent) => {
				const truth = truthOf(sent);
				const { pairs, warnings } = pairReply(sent, truth);
				expect(warnings).toEqual([]);
				pairs.forEach((pair, k) => {
					expect(pair.kind).toBe('answered');
					if (pair.kind === 'answered') expect((pair.answer as Tagged).truth).toBe(k);
				});
			}),
		);
	});

	it('an identified item whose record is missing is "outcome unknown"', () => {
		fc.assert(
			fc.property(sentArb, fc.nat(), (sent, pick) => {
				const identified = sent.flatMap((r, k) =>
					r.idc !== undefined || r.ExternalID !== undefined ? [k] : [],
				);
				fc.pre(identified.length > 0);
				const missing = identified[pick % identified.length];
				const reply = truthOf(sent).filter((r) => r.truth !== missing);
				const { pairs } = pairReply(sent, reply);
				expect(pairs[missing].kind).toBe('unknown');
			}),
		);
	});
});

describe('sendInBatches: no batch starts after a failure when the node will stop', () => {
	it('any batch size, concurrency, failing records and failing batches', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 40 }),
				fc.integer({ min: 1, max: 7 }),
				fc.integer({ min: 1, max: 4 }),
				fc.array(fc.constantFrom('ok', 'ok', 'ok', 'refused', 'batchDown'), {
					minLength: 40,
					maxLength: 40,
				}),
				fc.boolean(),
				async (count, batchSize, concurrency, fate, stopOnFailure) => {
					const inputs = Array.from({ length: count }, (_, k) => k);
					const events: string[] = [];
					let failureKnown = false;
					const startedAfterFailure: number[] = [];
					const out = await sendInBatches(
						inputs,
						batchSize,
						concurrency,
						async (batch, first) => {
							if (failureKnown) startedAfterFailure.push(first);
							events.push(`start ${first}`);
							await new Promise((resolve) => setImmediate(resolve));
							if (batch.some((i) => fate[i] === 'batchDown')) {
								failureKnown = true;
								throw new Error('batch down');
							}
							const results = batch.map((i) =>
								fate[i] === 'refused'
									? { ok: false as const, error: new Error('refused') }
									: { ok: true as const, value: i },
							);
							if (results.some((r) => !r.ok)) failureKnown = true;
							return results;
						},
						{ stopOnFailure },
					);
					expect(out).toHaveLength(count);
					out.forEach((r, i) => {
						if (r.ok) expect(r.value).toBe(i);
					});
					const batches = Math.ceil(count / batchSize);
					if (stopOnFailure) {
						expect(startedAfterFailure).toEqual([]);
						// what was not sent says so
						out.forEach((r) => {
							if (!r.ok && !(r.error instanceof NotStartedError))
								expect(String((r.error as Error).message)).toMatch(/refused|batch down/);
						});
					} else {
						expect(events).toHaveLength(batches);
					}
				},
			),
			{ numRuns: 500 },
		);
	});
});
