import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { identityKey } from '../../nodes/CentrixOne/actions/contact/pairing';
import {
	settleBatch,
	type PostOutcome,
	type WriteIo,
} from '../../nodes/CentrixOne/actions/contact/settle';

/**
 * CentrixOne batch writes against every reply form the docs allow: per-contact records, a bare
 * `{"Result":"Success"}` with a top-level error (a 4xx text, or `Result: Error` in a 200) when
 * any contact is refused, with the rest of a refused batch written or not. For any batch of
 * updates (idc), upserts (External ID) and plain creates, any subset refused: every item ends
 * with its own record or its own clear error, and no plain create is sent twice.
 */
type Kind = 'idc' | 'ext' | 'create';
type Form = 'perRecord' | 'bare400' | 'bareJson200';

interface Contact {
	idc: number;
	ExternalID: string;
	tag: number;
}

/** A CentrixOne of the given reading, in memory; each sent record carries its item's `tag`. */
function server(
	form: Form,
	atomic: boolean,
	refused: ReadonlySet<number>,
	seed: number[],
	outageAt: number | null,
) {
	const store = new Map<number, Contact>(
		seed.map((idc) => [idc, { idc, ExternalID: '', tag: -1 }]),
	);
	let next = 5000;
	const sends = new Map<number, number>();
	let posts = 0;
	const reason = (tag: number) => `refused R${tag}`;
	const write = (record: IDataObject): Contact => {
		const tag = record.tag as number;
		let contact: Contact | undefined;
		if (record.idc !== undefined) contact = store.get(Number(record.idc));
		else if (record.ExternalID !== undefined)
			contact = [...store.values()].find((c) => c.ExternalID === record.ExternalID);
		contact ??= { idc: next++, ExternalID: '', tag };
		if (record.ExternalID !== undefined) contact.ExternalID = String(record.ExternalID);
		contact.tag = tag;
		store.set(contact.idc, contact);
		return contact;
	};
	const io: WriteIo = {
		async post(records, idempotent): Promise<PostOutcome> {
			posts++;
			expect(idempotent).toBe(records.every((r) => identityKey(r) !== undefined));
			for (const r of records) sends.set(r.tag as number, (sends.get(r.tag as number) ?? 0) + 1);
			// a lost reply or an outage: not a word about the contacts
			if (posts - 1 === outageAt) return { kind: 'failed', error: new Error('outage') };
			const bad = records.filter((r) => refused.has(r.tag as number));
			if (form === 'perRecord') {
				const answers = records.map((r) =>
					refused.has(r.tag as number)
						? {
								idc: r.idc ?? null,
								ExternalID: r.ExternalID ?? null,
								Result: 'Error',
								Error: reason(r.tag as number),
							}
						: (({ idc, ExternalID }) => ({ idc, ExternalID, Result: 'Success' }))(write(r)),
				);
				return await Promise.resolve({
					kind: 'reply',
					body: { Result: 'Success', Contacts: answers },
				});
			}
			if (bad.length === 0 || !atomic) for (const r of records) if (!bad.includes(r)) write(r);
			if (bad.length === 0) return { kind: 'reply', body: { Result: 'Success' } };
			const text = bad.map((r) => reason(r.tag as number)).join('; ');
			return form === 'bare400'
				? { kind: 'refused', error: new Error(`CentrixOne: ${text}`) }
				: { kind: 'reply', body: { Result: 'Error', Error: text } };
		},
		async read(records) {
			const found = new Map<string, IDataObject>();
			for (const r of records) {
				const key = identityKey(r);
				const contact = [...store.values()].find(
					(c) => key === `C:${c.idc}` || (c.ExternalID !== '' && key === `E:${c.ExternalID}`),
				);
				if (key && contact) found.set(key, { ...contact });
			}
			return await Promise.resolve({ records: found });
		},
	};
	return { io, store, sends, posts: () => posts };
}

const caseArb = fc
	.record({
		kinds: fc.array(fc.constantFrom<Kind>('idc', 'ext', 'create'), { minLength: 1, maxLength: 16 }),
		refusedMask: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
		form: fc.constantFrom<Form>('perRecord', 'bare400', 'bareJson200'),
		atomic: fc.boolean(),
		outageAt: fc.option(fc.nat({ max: 6 }), { nil: null }),
	})
	.map(({ kinds, refusedMask, form, atomic, outageAt }) => ({
		records: kinds.map((kind, tag): IDataObject => {
			if (kind === 'idc') return { idc: 100 + tag, tag };
			if (kind === 'ext') return { ExternalID: `EXT-${tag}`, tag };
			return { Name: `new ${tag}`, tag };
		}),
		refused: new Set(refusedMask.flatMap((r, tag) => (r && tag < kinds.length ? [tag] : []))),
		form,
		atomic,
		outageAt,
	}));

describe('CentrixOne writes settle every item with its own outcome (property)', () => {
	it('any batch, any refused subset, any reply form', async () => {
		await fc.assert(
			fc.asyncProperty(caseArb, async ({ records, refused, form, atomic, outageAt }) => {
				const seed = records.flatMap((r) => (r.idc !== undefined ? [Number(r.idc)] : []));
				const sim = server(form, atomic, refused, seed, outageAt);
				const results = await settleBatch(
					records.map((record, i) => ({ i, record })),
					sim.io,
				);
				expect(results).toHaveLength(records.length);
				results.forEach((result, tag) => {
					const record = records[tag];
					const keyed = identityKey(record) !== undefined;
					const sends = sim.sends.get(tag) ?? 0;
					// a plain create is sent once, never again; a keyed one at most once per halving
					if (!keyed) expect(sends).toBe(1);
					else expect(sends).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(records.length)) + 1);
					if (!result.ok) {
						const message = (result.error as Error).message;
						// the whole batch failed with the call's own error: nothing was paired
						if (message === 'outage') return;
						// never another item's reason
						for (const other of refused)
							if (other !== tag) expect(message).not.toMatch(new RegExp(`R${other}(\\D|$)`));
						if (refused.has(tag) && (keyed || form === 'perRecord'))
							expect(message).toContain(`R${tag}`);
						else if (!refused.has(tag)) {
							// only a create in a refused batch may end unknown; never a keyed contact
							expect(keyed).toBe(false);
							expect(form).not.toBe('perRecord');
							expect(message).toMatch(/^CentrixOne: outcome unknown/);
						} else expect(message).toMatch(/R\d+|outcome unknown/);
						return;
					}
					// a success: never a refused item, and its own record
					expect(refused.has(tag)).toBe(false);
					const json = result.value;
					if (record.idc !== undefined) expect(json.idc).toBe(record.idc);
					if (record.ExternalID !== undefined) expect(json.ExternalID).toBe(record.ExternalID);
					if (json.idc !== undefined && json._recordFrom !== 'request')
						expect(sim.store.get(Number(json.idc))?.tag).toBe(tag);
					// a keyed contact that succeeded is stored
					if (keyed)
						expect(
							[...sim.store.values()].some(
								(c) => c.tag === tag && (record.idc === undefined || c.idc === record.idc),
							),
						).toBe(true);
				});
				// bounded: at most 2n - 1 POSTs
				expect(sim.posts()).toBeLessThanOrEqual(2 * records.length - 1);
			}),
			{ numRuns: 300 },
		);
	});
});

describe('CentrixOne writes: the cost of finding a refused contact', () => {
	it.each([
		['bare400', 1 + 12],
		['bareJson200', 1 + 12],
		['perRecord', 1],
	] as const)('one refused upsert among 100 (%s): %i POSTs, one read back when the reply is bare', async (form, posts) => {
		const records = Array.from({ length: 100 }, (_, tag) => ({ ExternalID: `EXT-${tag}`, tag }));
		const sim = server(form, false, new Set([37]), [], null);
		let reads = 0;
		const results = await settleBatch(
			records.map((record, i) => ({ i, record })),
			{ post: sim.io.post, read: async (r) => (reads++, await sim.io.read(r)) },
		);
		expect(sim.posts()).toBe(posts);
		expect(reads).toBe(form === 'perRecord' ? 0 : 1);
		expect(results.filter((r) => !r.ok).map((_, k) => k)).toHaveLength(1);
		expect((results[37] as { ok: false; error: Error }).error.message).toContain('R37');
	});
});
