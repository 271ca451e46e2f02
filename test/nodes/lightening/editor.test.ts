import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LighteningApi as LighteningCredential } from '../../../credentials/LighteningApi.credentials';
import { Lightening } from '../../../nodes/Lightening/Lightening.node';
import { executeNode, type NodeRunSpec } from '../../harness/harness';
import { LIGHTENING_DEMO, type LighteningApi } from '../../simulator/apis/lightening';
import { startSimulator, type Simulator } from '../../simulator/server';

let sim: Simulator;
let api: LighteningApi;
beforeAll(async () => {
	sim = await startSimulator();
	api = sim.api<LighteningApi>('lightening');
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const TOKEN = LIGHTENING_DEMO.authorization;

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return executeNode({
		node: new Lightening(),
		credentialTypes: [new LighteningCredential()],
		credentials: {
			lighteningApi: { baseUrl: sim.baseUrl('lightening'), authorizationToken: TOKEN },
		},
		parameters: { resource: 'custom', operation: 'apiCall', ...parameters } as INodeParameters,
		...extra,
	});
}

describe('Lightening Custom API Call', () => {
	it('GET a route with repeated query parameters, through the credential', async () => {
		const result = await run({
			method: 'GET',
			route: '/contact',
			query: {
				parameter: [
					{ name: 'customer_id[]', value: '1' },
					{ name: 'customer_id[]', value: '2' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		const [sent] = sim.log.all();
		expect(sent.url).toBe('/lightening/api/contact?customer_id[]=1&customer_id[]=2');
		expect(sent.headers.authorization).toBe(TOKEN);
		expect(result.items[0].json.result).toBe(true);
		expect((result.items[0].json.entities as IDataObject[]).length).toBe(
			[...api.contacts.values()].filter((c) => [1, 2].includes(Number(c.customer_id))).length,
		);
		expect(JSON.stringify(result.items)).not.toContain(TOKEN);
	});

	it('POST a body; an error inside a 200 fails the item with the API message', async () => {
		const id = [...api.contacts.keys()][0];
		const ok = await run({
			method: 'POST',
			route: `contact/${id}`,
			body: JSON.stringify({ name: 'Ada Custom', department: 'Support' }),
		});
		expect(ok.error).toBeUndefined();
		expect(sim.log.all()[0].body).toEqual({ name: 'Ada Custom', department: 'Support' });
		expect(api.contacts.get(id)?.name).toBe('Ada Custom');
		const missing = await run({ method: 'GET', route: 'contact/999999' });
		expect(missing.error?.message).toBe('Lightening: Entity not found.');
	});

	it('refuses a route that could leave the base URL, or bad JSON, before sending', async () => {
		for (const [params, message] of [
			[{ route: 'contact/../admin' }, 'Invalid value: "Route" must be a route below the base URL'],
			[{ route: 'contact?x=1' }, 'Invalid value: "Route" must be a route below the base URL'],
			[
				{ route: 'contact', method: 'POST', body: 'nope' },
				'Invalid value: "Body (JSON)" must be a JSON object',
			],
		] as Array<[IDataObject, string]>) {
			const result = await run({ method: 'GET', ...params });
			expect(result.error?.message).toContain(message);
		}
		expect(sim.log.count()).toBe(0);
	});
});
