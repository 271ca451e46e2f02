import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CentrixOneApi as CentrixCredential } from '../../../credentials/CentrixOneApi.credentials';
import { CentrixOne } from '../../../nodes/CentrixOne/CentrixOne.node';
import { executeNode } from '../../harness/harness';
import { useSimulator } from '../../lib/simulator';
import { CENTRIX_DEMO, type CentrixOneApi } from '../../simulator/apis/centrixone';
import {
	handlerServer,
	type HandledRequest,
	type HandledReply,
} from '../../property/handlerServer';

/**
 * CentrixOne writes against a server that answers as the docs allow, not as our simulator does:
 * per-record replies omitted, reordered, duplicated or with extra records, or only
 * `{"Result":"Success"}` (the one thing the docs promise). A proxy in front of the simulator
 * (under docs and live) stores and reads as the simulator does and rewrites the write replies.
 */
const env = useSimulator<CentrixOneApi>('centrixone');
const ACCOUNT = CENTRIX_DEMO.account;
const KEY = CENTRIX_DEMO.apiKey;

type Honest = Array<{ idc: number; ExternalID: string; Result: string; Error?: string }>;

/** Forwards a request to the simulator; its reply, JSON parsed where it is JSON. */
async function forward(request: HandledRequest): Promise<HandledReply> {
	const url = new URL(`${env.sim.baseUrl('centrixone')}${request.path.replace(/^.*\//, '/')}`);
	for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v);
	const res = await fetch(url, {
		method: request.method,
		headers: { 'content-type': 'application/json' },
		body: request.method === 'POST' ? JSON.stringify(request.body) : undefined,
	});
	const text = await res.text();
	try {
		return { status: res.status, body: JSON.parse(text) as unknown };
	} catch {
		return { status: res.status, body: text };
	}
}

/**
 * A server whose write replies are `reply(sent, honest)`: `honest` is the simulator's own
 * per-contact answer (asked for with the write-reply control), in order. `undefined` as `reply`:
 * the simulator's reply as the profile gives it (bare under docs and live).
 */
function centrix(reply?: (sent: IDataObject[], honest: Honest) => HandledReply) {
	return async (request: HandledRequest): Promise<HandledReply> => {
		const answer = await forward(request);
		if (request.method !== 'POST' || !reply) return answer;
		const sent = (request.body as { Contacts: IDataObject[] }).Contacts;
		return reply(sent, (answer.body as { Contacts: Honest }).Contacts);
	};
}

/** The per-record answer a faithful server gives for each sent contact. */
const honest = (_sent: IDataObject[], records: Honest) => records;

async function upsert(
	handle: ReturnType<typeof centrix>,
	exts: string[],
	extra: { continueOnFail?: boolean; batchSize?: number; concurrency?: number } = {},
) {
	const server = await handlerServer(handle);
	try {
		const result = await executeNode({
			node: new CentrixOne(),
			credentialTypes: [new CentrixCredential()],
			credentials: {
				centrixOneApi: { baseUrl: `${server.url}/API_WEB/EN`, account: ACCOUNT, apiKey: KEY },
			},
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				externalId: '={{ $json.ext }}',
				contactFields: { Name: '={{ $json.ext }} name' },
				options: {
					batchSize: extra.batchSize ?? 100,
					concurrency: extra.concurrency ?? 2,
					maxAttempts: 1,
				},
			} as INodeParameters,
			input: exts.map((ext) => ({ ext })),
			continueOnFail: extra.continueOnFail ?? true,
		});
		return { result, received: server.received };
	} finally {
		await server.close();
	}
}

env.describe('CentrixOne writes: replies paired by identity, never by position', () => {
	beforeEach(() => (env.api.writeReply = { mode: 'perRecord' }));

	it('a reordered reply gives each item its own idc', async () => {
		const { result } = await upsert(
			centrix((sent, answers) => ({
				status: 200,
				body: { Result: 'Success', Contacts: honest(sent, answers).reverse() },
			})),
			['A', 'B', 'C'],
		);
		expect(result.items.map((i) => [i.json.ExternalID, i.json.idc])).toEqual([
			['A', 1008],
			['B', 1009],
			['C', 1010],
		]);
		expect(result.items.map((i) => i.json._pairedBy)).toEqual(['identity', 'identity', 'identity']);
	});

	it('an omitted record makes its item "outcome unknown", never another item\'s record', async () => {
		const { result } = await upsert(
			centrix((sent, answers) => ({
				status: 200,
				body: {
					Result: 'Success',
					Contacts: honest(sent, answers).filter((r) => r.ExternalID !== 'A'),
				},
			})),
			['A', 'B', 'C'],
		);
		expect(String(result.items[0].json.error)).toContain('outcome is unknown');
		expect(result.items[0].json.idc).toBeUndefined();
		expect(result.items.slice(1).map((i) => [i.json.ExternalID, i.json.idc])).toEqual([
			['B', 1009],
			['C', 1010],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('surplus and duplicate reply records are reported, not used', async () => {
		const { result } = await upsert(
			centrix((sent, answers) => {
				const records = honest(sent, answers);
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
			['A', 1008],
			['B', 1009],
		]);
		const warnings = result.items[0].json._replyWarnings as string[];
		expect(warnings).toHaveLength(2);
		expect(warnings.join(' | ')).toContain('no contact of this batch (idc 9999');
		expect(warnings.join(' | ')).toContain('duplicate reply record (idc 1009');
	});

	it('a duplicate with another outcome makes the item "outcome unknown"', async () => {
		const { result } = await upsert(
			centrix((sent, answers) => {
				const records = honest(sent, answers);
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
		expect(result.items[1].json.idc).toBe(1009);
	});
});

env.describe('CentrixOne writes: a bare {"Result":"Success"} (all the docs promise)', (profile) => {
	it('is what the simulator answers under this profile', () => {
		expect(env.api.writeSettings().mode).toBe(profile === 'classic' ? 'perRecord' : 'bare');
	});

	it('is a success: each item gets its record read back in one GET per batch, and says so', async () => {
		const { result, received } = await upsert(centrix(), ['A', 'B', 'C', 'D', 'E'], {
			batchSize: 3,
			continueOnFail: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.ExternalID, i.json.idc, i.json._recordFrom])).toEqual([
			['A', 1008, 'readBack'],
			['B', 1009, 'readBack'],
			['C', 1010, 'readBack'],
			['D', 1011, 'readBack'],
			['E', 1012, 'readBack'],
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
		const handle = centrix();
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

	it('a top-level failure without records, answered to every resend too: each keyed item alone gets it', async () => {
		const { result, received } = await upsert(
			centrix(() => ({ status: 200, body: { Result: 'Error', Error: 'Quota exceeded' } })),
			['A', 'B'],
		);
		expect(result.items.map((i) => i.json.error)).toEqual([
			'CentrixOne: Quota exceeded',
			'CentrixOne: Quota exceeded',
		]);
		// the batch, then A and B alone (upserts by External ID are safe to send again)
		expect(
			received
				.filter((r) => r.method === 'POST')
				.map((r) => (r.body as { Contacts: IDataObject[] }).Contacts.map((c) => c.ExternalID)),
		).toEqual([['A', 'B'], ['A'], ['B']]);
	});
});

env.describe(
	'CentrixOne writes: nothing new is sent after a failure when the node will stop',
	() => {
		beforeEach(() => (env.api.writeReply = { mode: 'perRecord' }));

		const refusing = centrix((sent, answers) =>
			sent.some((c) => c.ExternalID === 'A')
				? {
						status: 200,
						body: {
							Result: 'Success',
							Contacts: honest(sent, answers).map((r) =>
								r.ExternalID === 'A' ? { ...r, Result: 'Error', Error: 'Refused' } : r,
							),
						},
					}
				: { status: 200, body: { Result: 'Success', Contacts: honest(sent, answers) } },
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
					node: new CentrixOne(),
					credentialTypes: [new CentrixCredential()],
					credentials: {
						centrixOneApi: { baseUrl: `${server.url}/API_WEB/EN`, account: ACCOUNT, apiKey: KEY },
					},
					parameters: {
						resource: 'contact',
						operation: 'upsert',
						externalId: '={{ $json.ext }}',
						contactFields: { Email: '={{ $json.email }}' },
						options: { batchSize: 2 },
					} as INodeParameters,
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
	},
);
