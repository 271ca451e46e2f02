import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, useSimulator } from '../../lib/simulator';

import { CentrixOneApi as CentrixCredential } from '../../../credentials/CentrixOneApi.credentials';
import { CentrixOneTrigger } from '../../../nodes/CentrixOne/CentrixOneTrigger.node';
import { createPoller, executeNode, loadOptions, type NodeRunSpec } from '../../harness/harness';
import { CENTRIX_DEMO, type CentrixOneApi } from '../../simulator/apis/centrixone';

const env = useSimulator<CentrixOneApi>('centrixone');

const credentials = (apiKey = CENTRIX_DEMO.apiKey) =>
	crmNode(env.sim, 'centrixone', { apiKey }).credentials;

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return executeNode({
		...crmNode(env.sim, 'centrixone'),
		parameters: parameters as INodeParameters,
		...extra,
	});
}

const KEY = CENTRIX_DEMO.apiKey;

env.describe('CentrixOne contacts: reads', () => {
	it('gets a contact by idc and by External ID, the key only in the URL path', async () => {
		const byId = await run({ resource: 'contact', operation: 'get', findBy: 'idc', value: '1002' });
		expect(byId.items[0].json).toMatchObject({
			idc: 1002,
			ExternalID: 'EXT-3',
			Email: 'c3@centrix.example',
		});
		expect(env.sim.log.all()[0].path).toBe(
			`/centrixone/API_WEB/EN/Contacts-${CENTRIX_DEMO.account}-${KEY}-C1002.awp`,
		);
		const byExt = await run({
			resource: 'contact',
			operation: 'get',
			findBy: 'externalId',
			value: 'EXT-5',
			simplify: false,
		});
		expect(byExt.items[0].json.idc).toBe(1004);
		expect(byExt.items[0].json.ContactScript).toEqual([{ ids: 10 }]);
		const none = await run({ resource: 'contact', operation: 'get', findBy: 'idc', value: '9' });
		expect(none.error?.message).toBe('No contact with ID 9');
	});

	it('builds base filters, TAB/LF conditions and fields (cs_ and abbreviations)', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			lists: ['10'],
			filterMode: 'conditions',
			conditions: {
				condition: [
					{ prefix: '', field: 'Company', operator: 'startsWith', value: 'ac', suffix: '' },
					{
						prefix: 'AND',
						field: 'Email',
						operator: 'endsWith',
						value: '@CENTRIX.example',
						suffix: '',
					},
				],
			},
			fields: ['FirstName', 'Email'],
			moreFields: 'cs_SalesRep1, CC_Region',
			returnAll: true,
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		const [call] = env.sim.log.all();
		expect(call.path).toContain('-S10.awp');
		expect(call.query.filters).toBe('\tCompany\t[=\tac\t\nAND\tEmail\t=]\t@CENTRIX.example\t');
		expect(call.url).toContain('filters=%09Company%09%5B%3D%09ac%09%0AAND%09Email');
		expect(call.query.fields).toBe('FirstName,Email,cs_SalesRep1,Contact_Custom_Region');
		// Acme contacts (1-4) in list 10 (odd): 1 and 3
		expect(result.items.map((i) => i.json.ExternalID)).toEqual(['EXT-1', 'EXT-3']);
	});

	it('raw filters for experts, and Limit', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			filterMode: 'raw',
			rawFilters: '\tCompany\t=\tglobex\t',
			returnAll: false,
			limit: 2,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items.every((i) => i.json.Company === 'Globex')).toBe(true);
	});

	it.each([
		[
			{
				filterMode: 'conditions',
				conditions: {
					condition: [
						{ prefix: '', field: 'Company', operator: 'equals', value: 'a\tb', suffix: '' },
					],
				},
			},
			'"Conditions → 1 → Value" must not contain a TAB or a line break',
		],
		[
			{
				filterMode: 'conditions',
				conditions: {
					condition: [
						{ prefix: '', field: 'Company', operator: 'equals', value: 'line\nbreak', suffix: '' },
					],
				},
			},
			'"Conditions → 1 → Value" must not contain a TAB or a line break',
		],
		[
			{
				filterMode: 'conditions',
				conditions: {
					condition: [
						{ prefix: '', field: 'Com\tpany', operator: 'equals', value: 'x', suffix: '' },
					],
				},
			},
			'"Conditions → 1 → Field" must not contain a TAB',
		],
		[
			{ filterMode: 'raw', rawFilters: 'Company\t=\tx' },
			'"Raw Filters" line 1 must have 5 TAB-separated elements',
		],
		[{ moreFields: 'cs_Sales Rep' }, '"More Fields" has an invalid field name'],
		[{ ids: '12a' }, 'must be a number'],
		[{ externalIds: 'A/B' }, 'cannot be used in the CentrixOne URL: it holds "/"'],
	])('rejects %j before sending', async (params, message) => {
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			...params,
		});
		expect(result.error?.message).toContain(message);
		expect(env.sim.log.count()).toBe(0);
	});
});

env.describe('CentrixOne contacts: batched writes', () => {
	it('upserts 250 items by External ID in 3 requests, each reply record paired to its item', async () => {
		const input = Array.from({ length: 250 }, (_, k) => ({
			ext: `BATCH-${k}`,
			email: `b${k}@x.example`,
		}));
		input[3].ext = 'EXT-2'; // an existing contact: updated, not duplicated
		const result = await run(
			{
				resource: 'contact',
				operation: 'upsert',
				externalId: '={{ $json.ext }}',
				contactFields: { Email: '={{ $json.email }}', FirstName: 'Batch' },
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		const posts = env.sim.log.find('/Contacts-', 'POST');
		expect(posts.map((p) => (p.body as { Contacts: unknown[] }).Contacts.length)).toEqual([
			100, 100, 50,
		]);
		expect(result.items).toHaveLength(250);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, k) => ({ item: k })));
		expect(result.items.map((i) => i.json.ExternalID)).toEqual(input.map((i) => i.ext));
		expect(result.items[3].json.idc).toBe(1001);
		expect(env.api.contacts.size).toBe(8 + 249);
		expect(env.api.contacts.get(1001)?.fields.Email).toBe('b3@x.example');
	});

	it('custom CC_/AC_ fields are written expanded and read back (the docs allow any custom field)', async () => {
		const written = await run({
			resource: 'contact',
			operation: 'upsert',
			externalId: 'CUSTOM-1',
			contactFields: {
				FirstName: 'Cus',
				otherFields: {
					field: [
						{ name: 'CC_Region', value: 'North' },
						{ name: 'AC_Tier', value: 'Gold' },
					],
				},
			},
		});
		expect(written.error).toBeUndefined();
		const [post] = env.sim.log.find('/Contacts-', 'POST');
		expect((post.body as { Contacts: IDataObject[] }).Contacts[0]).toMatchObject({
			Contact_Custom_Region: 'North',
			Account_Custom_Tier: 'Gold',
		});
		const read = await run({
			resource: 'contact',
			operation: 'get',
			findBy: 'externalId',
			value: 'CUSTOM-1',
			simplify: false,
		});
		expect(read.items[0].json).toMatchObject({
			Contact_Custom_Region: 'North',
			Account_Custom_Tier: 'Gold',
		});
	});

	it('Map Automatically: sends the input fields with CentrixOne names, ignores the rest, checks each item', async () => {
		const input = [
			{
				ExternalID: 'AUTO-1',
				FirstName: 'Ada',
				Email: 'ada@x.example',
				CC_Region: 'North',
				cs_Status: 'Hot',
				listId: 20,
				internalNote: 'not a CentrixOne field',
				nested: { Email: 'ignored@x.example' },
			},
			{ ExternalID: 'EXT-2', Email: '' },
			{ FirstName: 'No id' },
			{ ExternalID: 'AUTO-4', Email: 'not-an-email' },
		];
		const result = await run(
			{ resource: 'contact', operation: 'upsert', mappingMode: 'autoMapInputData' },
			{ input, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const posts = env.sim.log.find('/Contacts-', 'POST');
		expect(posts).toHaveLength(1);
		expect((posts[0].body as { Contacts: unknown[] }).Contacts).toEqual([
			{
				ExternalID: 'AUTO-1',
				FirstName: 'Ada',
				Email: 'ada@x.example',
				Contact_Custom_Region: 'North',
				ContactScript: [{ ids: 20, Status: 'Hot' }],
			},
			{ ExternalID: 'EXT-2', Email: '' },
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, k) => ({ item: k })));
		expect(result.items[1].json).toMatchObject({ idc: 1001, _result: 'Success' });
		expect(env.api.contacts.get(1001)?.fields.Email).toBe('');
		expect(String(result.items[2].json.error)).toMatch(
			/ExternalID \(input field\).*must not be empty/,
		);
		expect(String(result.items[3].json.error)).toMatch(/Email.*valid email/);

		const update = await run(
			{ resource: 'contact', operation: 'update', mappingMode: 'autoMapInputData' },
			{ input: [{ idc: 1003, Company: 'Mapped Ltd' }, { idc: 'x' }], continueOnFail: true },
		);
		expect(update.items[0].json).toMatchObject({ idc: 1003, Company: 'Mapped Ltd' });
		expect(String(update.items[1].json.error)).toMatch(/idc \(input field\).*must be a number/);
	});

	it('one bad member fails alone under continueOnFail; a validation error sends nothing for that item', async () => {
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				contactFields: {
					Email: '={{ $json.email }}',
					Name: '={{ $json.name }}',
					CountryISO: '={{ $json.country }}',
				},
			},
			{
				continueOnFail: true,
				input: [
					{ email: 'ok1@x.example', name: 'One', country: 'CA' },
					{ email: 'ok2@x.example', name: 'Two', country: 'Canada' },
					{ email: 'ok3@x.example', name: 'Three', country: 'FR' },
				],
			},
		);
		expect(result.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(result.items[1].json.error).toBe(
			'Invalid value: "Country ISO" must be a two-letter ISO country code',
		);
		const sent = (env.sim.log.find('/Contacts-', 'POST')[0].body as { Contacts: IDataObject[] })
			.Contacts;
		expect(sent.map((c) => c.Name)).toEqual(['One', 'Three']);
	});

	it('a record the API refuses fails only its item', async () => {
		// the simulator refuses an email that fails its own check, as the API would
		const result = await run(
			{
				resource: 'contact',
				operation: 'update',
				idc: '={{ $json.idc }}',
				updateFields: { Notes: 'seen' },
			},
			{ continueOnFail: true, input: [{ idc: '1000' }, { idc: '555' }, { idc: '1001' }] },
		);
		expect(result.items.map((i) => i.json.error ?? 'ok')).toEqual([
			'ok',
			'CentrixOne: Contact 555 not found',
			'ok',
		]);
		expect(env.api.contacts.get(1000)?.fields.Notes).toBe('seen');
	});

	describe.each([
		["a 400 text (the docs' error form)", 'status400', false],
		['a 400 text, nothing of the batch written', 'status400', true],
		['a 200 with Result: Error', 'json200', false],
		['a 200 with Result: Error, nothing of the batch written', 'json200', true],
	] as const)('a batch refused at the top level by %s', (_title, refusal, atomic) => {
		beforeEach(() => {
			if (env.profile !== 'classic') env.api.writeReply = { refusal, atomic };
		});

		it('keyed contacts are re-sent in halves: only the refused item fails, every other is written once', async () => {
			const input = ['1000', '555', '1001', '1002', '1003'].map((idc) => ({ idc }));
			const result = await run(
				{
					resource: 'contact',
					operation: 'update',
					idc: '={{ $json.idc }}',
					updateFields: { Notes: 'seen' },
				},
				{ continueOnFail: true, input },
			);
			expect(result.items.map((i) => i.json.error ?? i.json.idc)).toEqual([
				1000,
				'CentrixOne: Contact 555 not found',
				1001,
				1002,
				1003,
			]);
			expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, k) => ({ item: k })));
			for (const idc of [1000, 1001, 1002, 1003])
				expect(env.api.contacts.get(idc)?.fields.Notes).toBe('seen');
			const posts = env.sim.log.find('/Contacts-', 'POST');
			// 5 → [1000 555 1001] refused, [1002 1003] written → [1000 555] refused, [1001] → [1000], [555]
			expect(
				posts.map((p) => (p.body as { Contacts: IDataObject[] }).Contacts.map((c) => c.idc)),
			).toEqual([
				[1000, 555, 1001, 1002, 1003],
				[1000, 555, 1001],
				[1000, 555],
				[1000],
				[555],
				[1001],
				[1002, 1003],
			]);
			// the successes: read back in one GET, and marked as sent again
			expect(env.sim.log.find('/Contacts-', 'GET')).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ _recordFrom: 'readBack', _resent: true });
		});

		it("without continueOnFail: the node stops with the refused item's own error; no later batch is sent", async () => {
			const result = await run(
				{
					resource: 'contact',
					operation: 'update',
					idc: '={{ $json.idc }}',
					updateFields: { Notes: 'stop' },
					options: { batchSize: 2, concurrency: 1 },
				},
				{ input: ['1000', '555', '1001', '1002'].map((idc) => ({ idc })) },
			);
			expect(result.error?.message).toBe('CentrixOne: Contact 555 not found');
			const posts = env.sim.log
				.find('/Contacts-', 'POST')
				.map((p) => (p.body as { Contacts: IDataObject[] }).Contacts.map((c) => c.idc));
			// batch 1 and its halves; batch 2 never
			expect(posts).toEqual([[1000, 555], [1000], [555]]);
			expect(env.api.contacts.get(1001)?.fields.Notes).toBeUndefined();
		});

		it('a new contact without External ID is never sent twice: outcome unknown; the keyed ones settled', async () => {
			const result = await run(
				{ resource: 'contact', operation: 'create', mappingMode: 'autoMapInputData' },
				{
					continueOnFail: true,
					input: [
						{ ExternalID: 'KEYED-1', Name: 'One' },
						{ Name: 'Plain create' },
						{ ExternalID: 'KEYED-2', Notes: 'x'.repeat(300) },
					],
				},
			);
			expect(result.items.map((i) => i.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json).toMatchObject({ ExternalID: 'KEYED-1', _result: 'Success' });
			expect(String(result.items[1].json.error)).toMatch(/^CentrixOne: outcome unknown/);
			expect(result.items[2].json.error).toBe(
				'CentrixOne: Field Notes is longer than 255 characters',
			);
			const posts = env.sim.log
				.find('/Contacts-', 'POST')
				.map((p) =>
					(p.body as { Contacts: IDataObject[] }).Contacts.map((c) => c.ExternalID ?? c.Name),
				);
			expect(posts).toEqual([
				['KEYED-1', 'Plain create', 'KEYED-2'],
				['KEYED-1', 'KEYED-2'],
				['KEYED-1'],
				['KEYED-2'],
			]);
			const plain = [...env.api.contacts.values()].filter((c) => c.fields.Name === 'Plain create');
			expect(plain).toHaveLength(atomic ? 0 : 1);
			expect(env.api.findByExternalId('KEYED-1')?.fields.Name).toBe('One');
			expect(env.api.findByExternalId('KEYED-2')).toBeUndefined();
		});
	});

	it('omitted fields stay, empty ones are cleared, account fields reach every contact of the account, list membership is added', async () => {
		const contact = env.api.contacts.get(1000)!;
		env.api.store({ FirstName: 'Colleague', Name: 'Same Account' });
		const colleague = [...env.api.contacts.values()].pop()!;
		colleague.account = contact.account;
		await run({
			resource: 'contact',
			operation: 'update',
			idc: '1000',
			updateFields: { Name: '', City: 'Montreal', listId: '30', SalesRep1: '2' },
		});
		expect(contact.fields.FirstName).toBe('First1');
		expect(contact.fields.Name).toBe('');
		expect(env.api.view(colleague, undefined).City).toBe('Montreal');
		expect(contact.scripts.get(30)).toEqual({ SalesRep1: '2' });
		const body = (env.sim.log.find('/Contacts-', 'POST')[0].body as { Contacts: IDataObject[] })
			.Contacts[0];
		expect(body).toEqual({
			idc: 1000,
			Name: '',
			City: 'Montreal',
			ContactScript: [{ ids: 30, SalesRep1: '2' }],
		});
	});

	it('sales reps without a list are refused before sending', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: { Name: 'X', SalesRep1: '1' },
		});
		expect(result.error?.message).toBe(
			'Invalid value: "List" is required when Sales Reps or cs_ fields are given (they belong to a list)',
		);
		expect(env.sim.log.count()).toBe(0);
	});

	it('retries a 503 with Retry-After and a 200 that is not JSON on reads; an upsert batch after a lost reply', async () => {
		env.sim.inject({ kind: 'status503', retryAfter: 0 }, { kind: 'nonJson' });
		const read = await run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(read.items).toHaveLength(8);
		expect(env.sim.log.count()).toBe(3);
		env.sim.inject({ kind: 'resetAfter', method: 'POST' });
		const write = await run({
			resource: 'contact',
			operation: 'upsert',
			externalId: 'RETRY-1',
			contactFields: { Name: 'Once' },
		});
		expect(write.error).toBeUndefined();
		expect([...env.api.contacts.values()].filter((c) => c.ExternalID === 'RETRY-1')).toHaveLength(
			1,
		);
	});

	it('never re-sends a batch of plain creates after a lost reply', async () => {
		env.sim.inject({ kind: 'resetAfter', method: 'POST' });
		const result = await run({
			resource: 'contact',
			operation: 'create',
			contactFields: { Name: 'Maybe' },
		});
		expect(result.error?.description).toContain('Outcome unknown');
		expect(env.sim.log.count('/Contacts-', 'POST')).toBe(1);
	});
});

env.describe('CentrixOne other objects and secrets', () => {
	it('lists users, lists, revenue types and opportunities of a list', async () => {
		expect(
			(await run({ resource: 'user', operation: 'getAll', returnAll: true })).items,
		).toHaveLength(2);
		expect(
			(await run({ resource: 'list', operation: 'getAll', returnAll: true })).items.map(
				// rows come as the service sends them; the docs name no keys
				(i) => i.json.Name ?? i.json.ScriptName,
			),
		).toEqual(['Newsletter', 'Customers', 'Prospects']);
		const sub = await run({
			resource: 'revenueType',
			operation: 'getAll',
			level: 'RevenueTypesSub2',
			returnAll: true,
		});
		expect(sub.items[0].json.Name).toBe('RevenueTypesSub2 1');
		const opportunities = await run({
			resource: 'opportunity',
			operation: 'getAll',
			listId: '20',
			returnAll: true,
		});
		expect(opportunities.items).toHaveLength(4);
		expect(env.sim.log.all().pop()?.path).toContain('Opportunities-');
	});

	it('loads lists and users for the pickers', async () => {
		const spec = {
			...crmNode(env.sim, 'centrixone'),
			parameters: {} as INodeParameters,
		};
		expect((await loadOptions(spec, 'loadOptions', 'getLists')).map((o) => o.name)).toEqual([
			'Customers',
			'Newsletter',
			'Prospects',
		]);
		expect((await loadOptions(spec, 'loadOptions', 'getUsers'))[0]).toMatchObject({
			name: 'Robin Rep',
			value: '2',
		});
	});

	it("a wrong key: the error shows CentrixOne's text and never the key (which is in the URL)", async () => {
		const wrongKey = 'wrongCentrixKey77';
		const result = await run(
			{ resource: 'contact', operation: 'getAll', returnAll: true },
			{ credentials: credentials(wrongKey) },
		);
		expect(result.error?.message).toBe('CentrixOne: Invalid account or API key');
		const shown = JSON.stringify(result.run.data.resultData);
		expect(shown).not.toContain(wrongKey);
		env.sim.inject({ kind: 'status503', count: 9 });
		const down = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: { maxAttempts: 2 },
		});
		expect(down.error).toBeDefined();
		expect(JSON.stringify(down.run.data.resultData)).not.toContain(KEY);
	});
});

env.describe('CentrixOne Trigger', () => {
	const poller = (event = 'any', lists = '') =>
		createPoller({
			node: new CentrixOneTrigger(),
			credentialTypes: [new CentrixCredential()],
			credentials: credentials(),
			parameters: { event, lists } as INodeParameters,
		});

	it('first poll records, unchanged polls cost one 304, then new and updated contacts once each', async () => {
		const p = poller();
		expect(await p.poll()).toBeNull();
		expect(await p.poll()).toBeNull();
		const second = env.sim.log.all()[1];
		expect(second.headers['if-modified-since']).toBeDefined();
		expect(second.status).toBe(304);
		await new Promise((r) => setTimeout(r, 1100));
		env.api.store({ ExternalID: 'NEW-1', Name: 'Newcomer' });
		env.api.store({ Notes: 'changed' }, env.api.contacts.get(1000));
		const out = await p.poll();
		expect(out?.[0].map((i) => [i.json.idc, i.json._event]).sort()).toEqual([
			[1000, 'updated'],
			[1008, 'new'],
		]);
		expect(await p.poll()).toBeNull();
	});

	it('what it emitted stays emitted across n8n restarts', async () => {
		const p = poller();
		expect(await p.poll()).toBeNull();
		for (let round = 1; round <= 2; round++) {
			await new Promise((r) => setTimeout(r, 1100));
			env.api.store({ ExternalID: `ROUND-${round}`, Name: `Round ${round}` });
			expect((await p.poll())?.[0].map((i) => i.json.ExternalID)).toEqual([`ROUND-${round}`]);
			p.restart();
			expect(await p.poll()).toBeNull();
		}
	});

	it('filters by event and list; manual mode returns a sample', async () => {
		const p = poller('new', '20');
		await p.poll();
		await new Promise((r) => setTimeout(r, 1100));
		env.api.store({ Notes: 'changed' }, env.api.contacts.get(1001));
		env.api.store({ Name: 'In list 20', ids: 20 });
		const out = await p.poll();
		expect(out?.[0].map((i) => i.json.Name)).toEqual(['In list 20']);
		expect(env.sim.log.all()[0].path).toContain('-S20.awp');
		const sample = await poller().poll('manual');
		expect(sample?.[0]).toHaveLength(3);
	});
});
