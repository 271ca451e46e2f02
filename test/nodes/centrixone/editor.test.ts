import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CentrixOneApi as CentrixCredential } from '../../../credentials/CentrixOneApi.credentials';
import { CentrixOne } from '../../../nodes/CentrixOne/CentrixOne.node';
import { executeNode, type NodeRunSpec } from '../../harness/harness';
import { CENTRIX_DEMO, type CentrixOneApi } from '../../simulator/apis/centrixone';
import { useSimulator } from '../../lib/simulator';

const env = useSimulator<CentrixOneApi>('centrixone');

const KEY = CENTRIX_DEMO.apiKey;
const ACCOUNT = CENTRIX_DEMO.account;

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return executeNode({
		node: new CentrixOne(),
		credentialTypes: [new CentrixCredential()],
		credentials: {
			centrixOneApi: { baseUrl: env.sim.baseUrl('centrixone'), account: ACCOUNT, apiKey: KEY },
		},
		parameters: parameters as INodeParameters,
		...extra,
	});
}

env.describe('CentrixOne Get by External ID', () => {
	it.each(['ada.lovelace@example.com', 'j.doe', 'first+tag@x.example', 'EXT-5'])(
		'accepts %s (External ID is "your login") and finds the contact',
		async (externalId) => {
			env.api.store({ ExternalID: externalId, FirstName: 'Ada', Email: 'ada@x.example' });
			const result = await run({
				resource: 'contact',
				operation: 'get',
				findBy: 'externalId',
				value: externalId,
				simplify: false,
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.ExternalID).toBe(externalId);
			expect(env.sim.log.all()[0].path).toBe(
				`/centrixone/API_WEB/EN/Contacts-${ACCOUNT}-${KEY}-E${encodeURIComponent(externalId)}.awp`,
			);
		},
	);

	it.each([
		['a,b', '"," '],
		['a/b', '"/"'],
		['a?b', '"?"'],
		['a#b', '"#"'],
		['50%', '"%"'],
		['a b', 'spaces or line breaks'],
	])(
		'refuses %s, which would change the URL, naming the field; nothing is sent',
		async (value, shown) => {
			const result = await run({
				resource: 'contact',
				operation: 'get',
				findBy: 'externalId',
				value,
			});
			expect(result.error?.message).toContain(
				`Invalid value: "Contact (External ID)" cannot be used in the CentrixOne URL: it holds ${shown.trim()}`,
			);
			expect(env.sim.log.count()).toBe(0);
		},
	);
});

env.describe('CentrixOne writes take several List Ids', () => {
	it('create joins the contact to every chosen list, sales reps on each', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: { Name: 'Multi', listId: ['10', '20'], SalesRep1: '2' },
		});
		expect(result.error).toBeUndefined();
		const sent = (env.sim.log.find('/Contacts-', 'POST')[0].body as { Contacts: IDataObject[] })
			.Contacts[0];
		expect(sent.ContactScript).toEqual([
			{ ids: 10, SalesRep1: '2' },
			{ ids: 20, SalesRep1: '2' },
		]);
		const stored = [...env.api.contacts.values()].find((c) => c.fields.Name === 'Multi');
		expect([...(stored?.scripts.keys() ?? [])]).toEqual([10, 20]);
	});

	it('a comma-separated expression (as older workflows stored one id) still works; a non-number is refused', async () => {
		await run({
			resource: 'contact',
			operation: 'create',
			contactFields: { Name: 'Old', listId: '10' },
		});
		expect(
			(env.sim.log.find('/Contacts-', 'POST')[0].body as { Contacts: IDataObject[] }).Contacts[0]
				.ContactScript,
		).toEqual([{ ids: 10 }]);
		const bad = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: { Name: 'Bad', listId: '10, x1' },
		});
		expect(bad.error?.message).toBe('Invalid value: "List" must be list IDs (numbers); got "x1"');
	});
});

env.describe('CentrixOne Custom API Call', () => {
	it('GET any object with a base filter and query parameters, the key only in the URL path', async () => {
		const result = await run({
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			object: 'Opportunities',
			baseFilter: 'S10',
			query: { parameter: [{ name: 'fields', value: 'all' }] },
		});
		expect(result.error).toBeUndefined();
		const [sent] = env.sim.log.all();
		expect(sent.path).toBe(`/centrixone/API_WEB/EN/Opportunities-${ACCOUNT}-${KEY}-S10.awp`);
		expect(sent.query).toEqual({ fields: 'all' });
		expect(result.items[0].json.Result).toBe('Success');
		expect((result.items[0].json.Opportunities as IDataObject[]).length).toBeGreaterThan(0);
		expect(JSON.stringify(result.items)).not.toContain(KEY);
	});

	it('POST adds a contact through the same client', async () => {
		const result = await run({
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			object: 'Contacts',
			body: JSON.stringify({ Contacts: [{ ExternalID: 'ada@x.example', Name: 'Ada' }] }),
		});
		expect(result.error).toBeUndefined();
		expect(env.sim.log.all()[0].path).toBe(
			`/centrixone/API_WEB/EN/Contacts-${ACCOUNT}-${KEY}-all.awp`,
		);
		expect(env.sim.log.all()[0].body).toEqual({
			Contacts: [{ ExternalID: 'ada@x.example', Name: 'Ada' }],
		});
		expect([...env.api.contacts.values()].some((c) => c.ExternalID === 'ada@x.example')).toBe(true);
	});

	it("an error shows CentrixOne's text and never the key; bad input is refused before sending", async () => {
		const unknown = await run({
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			object: 'Nope',
			options: { maxAttempts: 1 },
		});
		expect(unknown.error?.message).toBe('CentrixOne: Unknown object Nope');
		expect(JSON.stringify(unknown.run.data.resultData)).not.toContain(KEY);
		env.sim.log.clear();
		for (const [params, message] of [
			[
				{ object: 'Contacts-x' },
				'Invalid value: "Object" must be an object name (letters and digits)',
			],
			[
				{ baseFilter: 'X1' },
				'Invalid value: "Base Filter" must be "all" or C<ID>, E<External ID>, S<List ID> joined by commas',
			],
			[{ baseFilter: 'Ea/b' }, 'Invalid value: "Base Filter" cannot be used in the CentrixOne URL'],
			[{ method: 'POST', body: '[1]' }, 'Invalid value: "Body (JSON)" must be a JSON object'],
		] as Array<[IDataObject, string]>) {
			const result = await run({
				resource: 'custom',
				operation: 'apiCall',
				method: 'GET',
				object: 'Contacts',
				...params,
			});
			expect(result.error?.message).toContain(message);
		}
		expect(env.sim.log.count()).toBe(0);
	});
});
