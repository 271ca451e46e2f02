import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CentrixOneApi as CentrixCredential } from '../../../credentials/CentrixOneApi.credentials';
import { CentrixOne } from '../../../nodes/CentrixOne/CentrixOne.node';
import { executeNode } from '../../harness/harness';
import {
	handlerServer,
	type HandledRequest,
	type HandledReply,
} from '../../property/handlerServer';

/**
 * CentrixOne writes against a server that answers as the docs allow, not as our simulator does:
 * per-record replies omitted, reordered, duplicated or with extra records, or only
 * `{"Result":"Success"}` (the one thing the docs promise).
 */
const ACCOUNT = '4242';
const KEY = 'k3ySecretCentrix99';

interface Stored {
	idc: number;
	ExternalID: string;
	Name?: string;
}

function centrix(reply: (sent: IDataObject[], store: Map<number, Stored>) => HandledReply) {
	const store = new Map<number, Stored>();
	let next = 500;
	const write = (sent: IDataObject[]) =>
		sent.map((input) => {
			const existing = [...store.values()].find(
				(c) =>
					(input.idc !== undefined && c.idc === Number(input.idc)) ||
					(input.idc === undefined && input.ExternalID && c.ExternalID === input.ExternalID),
			);
			const contact = existing ?? { idc: next++, ExternalID: '' };
			if (typeof input.ExternalID === 'string') contact.ExternalID = input.ExternalID;
			if (typeof input.Name === 'string') contact.Name = input.Name;
			store.set(contact.idc, contact);
			return contact;
		});
	return async (request: HandledRequest): Promise<HandledReply> => {
		if (request.method === 'POST') {
			const sent = (request.body as { Contacts: IDataObject[] }).Contacts;
			write(sent);
			return reply(sent, store);
		}
		// a read back: the advanced filter ORs idc / ExternalID conditions
		const conditions = (request.query.filters ?? '').split('\n').map((line) => line.split('\t'));
		const rows = [...store.values()].filter((c) =>
			conditions.some(
				([, field, , value]) =>
					(field === 'idc' && String(c.idc) === value) ||
					(field === 'ExternalID' && c.ExternalID === value),
			),
		);
		return { status: 200, body: { Result: 'Success', Contacts: rows } };
	};
}

/** The per-record answer a faithful server gives for each sent contact. */
const honest = (sent: IDataObject[], store: Map<number, Stored>) =>
	sent.map((input) => {
		const contact = [...store.values()].find(
			(c) =>
				(input.idc !== undefined && c.idc === Number(input.idc)) ||
				(input.ExternalID !== undefined && c.ExternalID === input.ExternalID),
		)!;
		return { idc: contact.idc, ExternalID: contact.ExternalID, Result: 'Success' };
	});

/** The CentrixOne node against `url`, running Contact → Upsert keyed by `$json.ext`. */
const upsertSpec = (url: string, parameters: IDataObject) => ({
	node: new CentrixOne(),
	credentialTypes: [new CentrixCredential()],
	credentials: { centrixOneApi: { baseUrl: url, account: ACCOUNT, apiKey: KEY } },
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		externalId: '={{ $json.ext }}',
		...parameters,
	} as INodeParameters,
});

async function upsert(
	handle: ReturnType<typeof centrix>,
	exts: string[],
	extra: { continueOnFail?: boolean; batchSize?: number; concurrency?: number } = {},
) {
	const server = await handlerServer(handle);
	try {
		const result = await executeNode({
			...upsertSpec(server.url, {
				contactFields: { Name: '={{ $json.ext }} name' },
				options: {
					batchSize: extra.batchSize ?? 100,
					concurrency: extra.concurrency ?? 2,
					maxAttempts: 1,
				},
			}),
			input: exts.map((ext) => ({ ext })),
			continueOnFail: extra.continueOnFail ?? true,
		});
		return { result, received: server.received };
	} finally {
		await server.close();
	}
}

describe('CentrixOne writes: replies paired by identity, never by position', () => {
	it('a reordered reply gives each item its own idc', async () => {
		const { result } = await upsert(
			centrix((sent, store) => ({
				status: 200,
				body: { Result: 'Success', Contacts: honest(sent, store).reverse() },
			})),
			['A', 'B', 'C'],
		);
		expect(result.items.map((i) => [i.json.ExternalID, i.json.idc])).toEqual([
			['A', 500],
			['B', 501],
			['C', 502],
		]);
		expect(result.items.map((i) => i.json._pairedBy)).toEqual(['identity', 'identity', 'identity']);
	});

	it('an omitted record makes its item "outcome unknown", never another item\'s record', async () => {
		const { result } = await upsert(
			centrix((sent, store) => ({
				status: 200,
				body: {
					Result: 'Success',
					Contacts: honest(sent, store).filter((r) => r.ExternalID !== 'A'),
				},
			})),
			['A', 'B', 'C'],
		);
		expect(String(result.items[0].json.error)).toContain('outcome is unknown');
		expect(result.items[0].json.idc).toBeUndefined();
		expect(result.items.slice(1).map((i) => [i.json.ExternalID, i.json.idc])).toEqual([
			['B', 501],
			['C', 502],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('surplus and duplicate reply records are reported, not used', async () => {
		const { result } = await upsert(
			centrix((sent, store) => {
				const records = honest(sent, store);
				return {
					status: 200,
					body: {
						Result: 'Success',
						Contacts: [
							{ idc: 9999, ExternalID: 'STRANGER', Result: 'Success' },
							...records,
							records[1],
						],
					},
				};
			}),
			['A', 'B'],
		);
		expect(result.items.map((i) => [i.json.ExternalID, i.json.idc])).toEqual([
			['A', 500],
			['B', 501],
		]);
		const warnings = result.items[0].json._replyWarnings as string[];
		expect(warnings).toHaveLength(2);
		expect(warnings.join(' | ')).toContain('no contact of this batch (idc 9999');
		expect(warnings.join(' | ')).toContain('duplicate reply record (idc 501');
	});

	it('a duplicate with another outcome makes the item "outcome unknown"', async () => {
		const { result } = await upsert(
			centrix((sent, store) => {
				const records = honest(sent, store);
				return {
					status: 200,
					body: {
						Result: 'Success',
						Contacts: [...records, { ...records[0], Result: 'Error', Error: 'Locked' }],
					},
				};
			}),
			['A', 'B'],
		);
		expect(String(result.items[0].json.error)).toContain('several times with different outcomes');
		expect(result.items[1].json.idc).toBe(501);
	});
});

describe('CentrixOne writes: a bare {"Result":"Success"} (all the docs promise)', () => {
	it('is a success: each item gets its record read back in one GET per batch, and says so', async () => {
		const { result, received } = await upsert(
			centrix(() => ({ status: 200, body: { Result: 'Success' } })),
			['A', 'B', 'C', 'D', 'E'],
			{ batchSize: 3, continueOnFail: false },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.ExternalID, i.json.idc, i.json._recordFrom])).toEqual([
			['A', 500, 'readBack'],
			['B', 501, 'readBack'],
			['C', 502, 'readBack'],
			['D', 503, 'readBack'],
			['E', 504, 'readBack'],
		]);
		expect(result.items[1].json.Name).toBe('B name');
		// one read back per batch of 3
		expect(received.filter((r) => r.method === 'POST')).toHaveLength(2);
		const gets = received.filter((r) => r.method === 'GET');
		expect(gets.map((r) => r.query.filters).sort()).toEqual([
			'\tExternalID\t=\tA\t\nOR\tExternalID\t=\tB\t\nOR\tExternalID\t=\tC\t',
			'\tExternalID\t=\tD\t\nOR\tExternalID\t=\tE\t',
		]);
	});

	it('a failed read back leaves the write a success, with the record as sent', async () => {
		const handle = centrix(() => ({ status: 200, body: { Result: 'Success' } }));
		const { result } = await upsert(
			async (request) =>
				request.method === 'GET' ? { status: 404, body: 'no such object' } : await handle(request),
			['A'],
			{ continueOnFail: false },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			ExternalID: 'A',
			_result: 'Success',
			_recordFrom: 'request',
		});
		expect(String(result.items[0].json._note)).toContain('reading the contact back failed');
		expect(JSON.stringify(result.items)).not.toContain(KEY);
	});

	it('a top-level failure without records fails every item of the batch', async () => {
		const { result } = await upsert(
			centrix(() => ({ status: 200, body: { Result: 'Error', Error: 'Quota exceeded' } })),
			['A', 'B'],
		);
		expect(result.items.map((i) => i.json.error)).toEqual([
			'CentrixOne: Quota exceeded',
			'CentrixOne: Quota exceeded',
		]);
	});
});

describe('CentrixOne writes: nothing new is sent after a failure when the node will stop', () => {
	const refusing = centrix((sent, store) =>
		sent.some((c) => c.ExternalID === 'A')
			? {
					status: 200,
					body: {
						Result: 'Success',
						Contacts: honest(sent, store).map((r) =>
							r.ExternalID === 'A' ? { ...r, Result: 'Error', Error: 'Refused' } : r,
						),
					},
				}
			: { status: 200, body: { Result: 'Success', Contacts: honest(sent, store) } },
	);
	// batch 2 answers after batch 1 has failed, so that whether batch 3 starts is decided by the
	// node and not by which reply wins a race
	const refuseFirst = async (request: HandledRequest): Promise<HandledReply> => {
		const reply = await refusing(request);
		if (JSON.stringify(request.body).includes('"C"'))
			await new Promise((resolve) => setTimeout(resolve, 150));
		return reply;
	};

	it.each([
		[1, 1],
		[2, 2],
	])(
		'without continueOnFail (concurrency %i): batch 1 refused, no batch started after it',
		async (concurrency, posts) => {
			const { result, received } = await upsert(refuseFirst, ['A', 'B', 'C', 'D', 'E', 'F'], {
				batchSize: 2,
				concurrency,
				continueOnFail: false,
			});
			expect(result.error?.message).toContain('Refused');
			// with 2 in flight, batch 2 was already sent when batch 1 failed; batch 3 never is
			expect(received.filter((r) => r.method === 'POST')).toHaveLength(posts);
			expect(received.some((r) => JSON.stringify(r.body).includes('"E"'))).toBe(false);
		},
	);

	it('with continueOnFail: the rest goes on', async () => {
		const { result, received } = await upsert(refuseFirst, ['A', 'B', 'C', 'D', 'E', 'F'], {
			batchSize: 2,
			continueOnFail: true,
		});
		expect(received.filter((r) => r.method === 'POST')).toHaveLength(3);
		expect(result.items.map((i) => Boolean(i.json.error))).toEqual([
			true,
			false,
			false,
			false,
			false,
			false,
		]);
	});

	it('without continueOnFail: an invalid item anywhere means nothing is sent', async () => {
		const server = await handlerServer(refuseFirst);
		try {
			const result = await executeNode({
				...upsertSpec(server.url, {
					contactFields: { Email: '={{ $json.email }}' },
					options: { batchSize: 2 },
				}),
				input: [
					{ ext: 'B', email: 'b@x.example' },
					{ ext: 'C', email: 'c@x.example' },
					{ ext: 'D', email: 'not an email' },
				],
			});
			expect(result.error?.message).toContain('Email');
			expect(server.received).toHaveLength(0);
		} finally {
			await server.close();
		}
	});
});
