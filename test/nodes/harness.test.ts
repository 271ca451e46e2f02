import { CrmComApi } from '../../credentials/CrmComApi.credentials';
import { executeNode } from '../harness/harness';
import { TinyCrm } from '../fixtures/TinyCrm.node';
import { crmNode, useSimulator } from '../lib/simulator';
import { crmError } from './crmcom/setup';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';

const env = useSimulator<CrmComBackofficeApi>('crmcom');

const spec = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	node: new TinyCrm(),
	credentialTypes: [new CrmComApi()],
	credentials: crmNode(env.sim, 'crmcom').credentials,
	parameters: parameters as never,
	...extra,
});

env.describe('harness: a tiny node through n8n-core against the simulator', () => {
	it('lists every activity with Return All and sends the api_key header from the credential', async () => {
		const result = await executeNode(
			spec({
				resource: 'activity',
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 7 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(30);
		expect(
			result.items.every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);
		const calls = env.sim.log.find('/activities', 'GET');
		expect(calls).toHaveLength(5);
		expect(calls.map((c) => c.query.page)).toEqual(['1', '2', '3', '4', '5']);
		expect(calls.every((c) => c.headers.api_key === CRMCOM_DEMO.apiKey)).toBe(true);
	});

	it('resolves expressions in parameters per item and pairs outputs', async () => {
		const api = env.sim.api<CrmComBackofficeApi>('crmcom');
		const contactId = [...api.contacts.keys()][0];
		const result = await executeNode(
			spec(
				{
					resource: 'activity',
					operation: 'create',
					name: '={{ $json.title }}',
					contactId: '={{ $json.contact }}',
				},
				{
					input: [
						{ title: 'Call A', contact: contactId },
						{ title: 'Call B', contact: contactId },
					],
				},
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const created = env.sim.log
			.find('/activities', 'POST')
			.map((c) => (c.body as { name: string }).name);
		expect(created).toEqual(['Call A', 'Call B']);
	});

	it('continueOnFail: a bad item becomes an error item, paired, and the good ones still run', async () => {
		const api = env.sim.api<CrmComBackofficeApi>('crmcom');
		const contactId = [...api.contacts.keys()][0];
		const result = await executeNode(
			spec(
				{
					resource: 'activity',
					operation: 'create',
					name: '={{ $json.title }}',
					contactId: '={{ $json.contact }}',
				},
				{
					continueOnFail: true,
					input: [
						{ title: 'Good', contact: contactId },
						{ title: '', contact: contactId },
						{ title: 'Unknown contact', contact: 'nope' },
					],
				},
			),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBeDefined();
		expect(result.items[1].json.error).toBe('Invalid value: "Name" must not be empty');
		expect(result.items[2].json.error).toBe(
			crmError(env, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION'),
		);
		expect(result.items[2].json.httpCode).toBe('404');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(env.sim.log.count('/activities', 'POST')).toBe(2);
	});

	it('fails the node with the CRM message on a bad key, and never shows the key', async () => {
		const result = await executeNode({
			...spec({ resource: 'activity', operation: 'get', activityId: 'x' }),
			credentials: {
				crmComApi: { baseUrl: env.sim.baseUrl('crmcom'), apiKey: 'wrong-key-123456' },
			},
		});
		expect(result.error?.message).toBe(
			crmError(env, 'Invalid API key', 'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION'),
		);
		expect(JSON.stringify(result.run.data)).not.toContain('wrong-key-123456');
	});

	it('retries a 503 with Retry-After and completes', async () => {
		env.sim.inject({ kind: 'status503', count: 2, retryAfter: 0, path: '/activities' });
		const result = await executeNode(
			spec({ resource: 'activity', operation: 'getAll', returnAll: false, limit: 5 }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(env.sim.log.count('/activities')).toBe(3);
	});

	it('runs a concurrent operation up to Options → Concurrency, keeping order and pairing', async () => {
		const api = env.sim.api<CrmComBackofficeApi>('crmcom');
		const contactId = [...api.contacts.keys()][0];
		env.sim.latencyMs = 20;
		env.sim.inject({ kind: 'delay', delayMs: 120, method: 'POST' });
		const input = Array.from({ length: 12 }, (_, k) => ({
			title: `Call ${k}`,
			contact: contactId,
		}));
		const result = await executeNode(
			spec(
				{
					resource: 'activity',
					operation: 'create',
					name: '={{ $json.title }}',
					contactId: '={{ $json.contact }}',
					options: { concurrency: 3 },
				},
				{ input },
			),
		);
		env.sim.latencyMs = 0;
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, k) => ({ item: k })));
		const names = result.items.map((i) => api.activities.get(i.json.id as string)?.name);
		expect(names).toEqual(input.map((i) => i.title));
		expect(env.sim.log.maxInFlight).toBe(3);
	});

	it('without continueOnFail, a concurrent operation starts no new item after a failure', async () => {
		const api = env.sim.api<CrmComBackofficeApi>('crmcom');
		const contactId = [...api.contacts.keys()][0];
		const input = [
			{ title: 'A', contact: 'missing' },
			...Array.from({ length: 8 }, (_, k) => ({ title: `B${k}`, contact: contactId })),
		];
		const result = await executeNode(
			spec(
				{
					resource: 'activity',
					operation: 'create',
					name: '={{ $json.title }}',
					contactId: '={{ $json.contact }}',
					options: { concurrency: 2 },
				},
				{ input },
			),
		);
		expect(result.error?.message).toBe(
			crmError(env, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION'),
		);
		expect(env.sim.log.count('/activities', 'POST')).toBeLessThanOrEqual(3);
	});
});
