import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, useSimulator } from '../../lib/simulator';

import { executeNode, type NodeRunSpec } from '../../harness/harness';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../../simulator/apis/crmcomLegacy';

const env = useSimulator<CrmComLegacyApi>('crmcomLegacy');

const passwordCredentials = (password = LEGACY_DEMO.password, token = '') =>
	crmNode(env.sim, 'legacyPassword', { password, token }).credentials;

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return executeNode({
		...crmNode(env.sim, 'legacyPassword'),
		parameters: parameters as INodeParameters,
		...extra,
	});
}

const tokensIn = (text: string) => [...env.api.tokens.keys()].filter((t) => text.includes(t));

env.describe('CRM.COM Legacy', () => {
	it('logs in, then reads a contact information by number with fields_set, the token in the query', async () => {
		const result = await run({
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'number',
			identifier: 'CI000002',
			fieldsSet: ['first_name', 'last_name'],
			fieldsSetExtra: 'number',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			id: 'ci-2',
			first_name: 'Legacy2',
			last_name: 'Customer',
			number: 'CI000002',
		});
		const [login, show] = env.sim.log.all();
		expect(login.path).toBe('/crmcom-legacy/crmapi/rest/v2/authentication/token');
		expect(login.body).toEqual({
			username: LEGACY_DEMO.username,
			password: LEGACY_DEMO.password,
			organisation: LEGACY_DEMO.organisation,
		});
		expect(show.query).toMatchObject({
			contact_information_identifier: 'number=CI000002',
			fields_set: 'first_name,last_name,number',
		});
		expect(env.api.tokens.has(show.query.token)).toBe(true);
	});

	it('logs in with the web API key as Basic auth', async () => {
		const result = await run(
			{ resource: 'contactInformation', operation: 'getAll', returnAll: true },
			{
				credentials: {
					crmComLegacyApi: {
						server: `${env.sim.url}/crmcom-legacy`,
						authType: 'webApiKey',
						webApiKey: LEGACY_DEMO.webApiKey,
						token: '',
					},
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(env.sim.log.all()[0].headers.authorization).toBe(`Basic ${LEGACY_DEMO.webApiKey}`);
	});

	it('creates with the whole nested structure, the token in the body', async () => {
		const result = await run({
			resource: 'contactInformation',
			operation: 'create',
			type: 'PERSON',
			fields: {
				title: 'Mr',
				first_name: 'Customer',
				middle_name: 'M',
				last_name: 'Customer',
				category: 'Contact Category',
				owned_by_group: 'Main Group',
				privacy_level: '8',
				notes: 'Family',
				demographics: {
					gender: 'FEMALE',
					id_number: 'ABC123456',
					country_of_residence: 'CYPRUS',
					id_issued_by_country: 'CYPRUS',
					passport_issued_by_country: 'GREECE',
					industry: 'Industry',
					industry_sector: 'FOREX',
					date_of_birth: '1980-01-01T00:00:00Z',
				},
				addresses: {
					address: [
						{
							type: 'HOME',
							postal_code: '0001',
							street_name: 'Address',
							street_number: '01',
							floor: 1,
							town_city: 'City',
							country: 'cy',
						},
					],
				},
				phones: { phone: [{ type: 'LANDLINE', number: '123456' }] },
				emails: { email: [{ type: 'PERSONAL', email_address: '123456@crm.com' }] },
			},
			fieldsSet: ['first_name', 'last_name', 'demographics', 'emails_set'],
		});
		expect(result.error).toBeUndefined();
		const body = env.sim.log.find('/contact_information/create', 'POST')[0].body as IDataObject;
		expect(env.api.tokens.has(String(body.token))).toBe(true);
		delete body.token;
		expect(body).toEqual({
			type: 'PERSON',
			title: 'Mr',
			first_name: 'Customer',
			middle_name: 'M',
			last_name: 'Customer',
			notes: 'Family',
			category_identifier: { name: 'Contact Category' },
			owned_by_group_identifier: { name: 'Main Group' },
			privacy_level_identifier: { number: '8' },
			demographics: {
				gender: 'FEMALE',
				id_number: 'ABC123456',
				country_of_residence_identifier: { name: 'CYPRUS' },
				id_issued_by_country_identifier: { name: 'CYPRUS' },
				passport_issued_by_country_identifier: { name: 'GREECE' },
				industry_identifier: { name: 'Industry' },
				industry_sector_identifier: { name: 'FOREX' },
				date_of_birth: { day: 1, month: 1, year: 1980 },
			},
			address_set: [
				{
					type: 'HOME',
					postal_code: '0001',
					street_name: 'Address',
					street_number: '01',
					floor: 1,
					town_city: 'City',
					country_identifier: { two_character_code: 'CY' },
				},
			],
			phone_set: [{ type: 'LANDLINE', number: '123456' }],
			email_set: [{ type: 'PERSONAL', email_address: '123456@crm.com' }],
			fields_set: 'first_name,last_name,demographics,emails_set',
		});
		expect(env.api.contacts.size).toBe(6);
		// the reply names the sets as the docs' fields_set does
		expect(result.items[0].json.emails_set).toEqual([
			{ type: 'PERSONAL', email_address: '123456@crm.com' },
		]);
		const read = await run({
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'id',
			identifier: 'ci-6',
			fieldsSet: ['addresses_set', 'phones_set', 'emails_set'],
		});
		expect(read.items[0].json).toMatchObject({
			addresses_set: [expect.objectContaining({ town_city: 'City' })],
			phones_set: [{ type: 'LANDLINE', number: '123456' }],
			emails_set: [{ type: 'PERSONAL', email_address: '123456@crm.com' }],
		});
	});

	it('updates by identifier', async () => {
		const result = await run({
			resource: 'contactInformation',
			operation: 'update',
			identifierType: 'id',
			identifier: 'ci-3',
			updateFields: { notes: 'VIP' },
		});
		expect(result.error).toBeUndefined();
		expect(env.api.contacts.get('ci-3')?.notes).toBe('VIP');
		expect(
			(env.sim.log.find('/update', 'POST')[0].body as IDataObject).contact_information_identifier,
		).toEqual({ id: 'ci-3' });
	});

	it('pages pending provisioning requests 50 at a time: 120 → 50, 50, 20', async () => {
		env.api.seedProvisioning(108);
		const result = await run({
			resource: 'provisioningRequest',
			operation: 'getPending',
			provider: 'GP1',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		const calls = env.sim.log
			.find('/get_pending', 'GET')
			.map((c) => [c.query.offset, c.query.number_of_results]);
		expect(calls).toEqual([
			['0', '50'],
			['50', '50'],
			['100', '50'],
		]);
		expect(env.sim.log.find('/get_pending', 'GET')[0].query.provisioning_provider_identifier).toBe(
			'alternative_code=GP1',
		);
		const limited = await run({
			resource: 'provisioningRequest',
			operation: 'getPending',
			provider: 'GP1',
			returnAll: false,
			limit: 70,
		});
		expect(limited.items).toHaveLength(70);
	});

	it('logs in again once when the token expired, and never shows a token', async () => {
		const first = await run({
			resource: 'contactInformation',
			operation: 'getAll',
			returnAll: true,
		});
		const stored = String(first.credentialsHelper.store.get('crmComLegacyApi')?.token);
		env.api.expireTokens();
		const second = await run(
			{ resource: 'contactInformation', operation: 'getAll', returnAll: true },
			{ credentials: passwordCredentials(LEGACY_DEMO.password, stored) },
		);
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(5);
		expect(env.api.logins).toBe(2);
	});

	it('a non-OK status in HTTP 200 is an error with its description, without the token', async () => {
		const result = await run({
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'number',
			identifier: 'CI999',
		});
		expect(result.error?.message).toBe(
			'CRM.COM: NOT_FOUND — Contact information not found: number=CI999',
		);
		const shown = JSON.stringify(result.run.data.resultData);
		expect(tokensIn(shown)).toEqual([]);
		expect(shown).not.toContain(LEGACY_DEMO.password);
	});

	it('a 500 and a wrong password show no secret', async () => {
		env.sim.inject({ kind: 'status503', count: 5 });
		const down = await run({
			resource: 'contactInformation',
			operation: 'getAll',
			returnAll: true,
			options: { maxAttempts: 2 },
		});
		expect(down.error).toBeDefined();
		expect(tokensIn(JSON.stringify(down.run.data.resultData))).toEqual([]);
		env.sim.faults.clear();
		const wrong = await run(
			{ resource: 'contactInformation', operation: 'getAll', returnAll: true },
			{ credentials: passwordCredentials('wrong-legacy-pass') },
		);
		expect(wrong.error).toBeDefined();
		expect(JSON.stringify(wrong.run.data.resultData)).not.toContain('wrong-legacy-pass');
	});

	it.each([
		[
			{
				resource: 'contactInformation',
				operation: 'get',
				identifierType: 'number',
				identifier: '={{ "" }}',
			},
			'Invalid value: "Identifier" must not be empty',
		],
		[
			{
				resource: 'contactInformation',
				operation: 'get',
				identifierType: 'number',
				identifier: 'CI1&token=x',
			},
			'Invalid value: "Identifier" must not contain &, # or line breaks',
		],
		[
			{
				resource: 'contactInformation',
				operation: 'create',
				type: 'PERSON',
				fields: { first_name: 'No last name' },
			},
			'Invalid value: "Last Name" is required for a person',
		],
		[
			{
				resource: 'contactInformation',
				operation: 'create',
				type: 'PERSON',
				fields: {
					last_name: 'X',
					emails: { email: [{ type: 'PERSONAL', email_address: 'nope' }] },
				},
			},
			'Invalid value: "Emails → 1 → Email Address" must be a valid email address',
		],
		[
			{
				resource: 'contactInformation',
				operation: 'create',
				type: 'PERSON',
				fields: { last_name: 'X', addresses: { address: [{ type: 'HOME', country: 'Cyprus' }] } },
			},
			'Invalid value: "Addresses → 1 → Country Code" must be a two-letter country code',
		],
		[
			{
				resource: 'contactInformation',
				operation: 'update',
				identifierType: 'id',
				identifier: 'ci-1',
				updateFields: {},
			},
			'Invalid value: "Update Fields" needs at least one field to change',
		],
		[
			{
				resource: 'provisioningRequest',
				operation: 'getPending',
				provider: 'GP1&x=1',
				returnAll: true,
			},
			'Invalid value: "Provider Alternative Code" must not contain &, #, = or spaces',
		],
		[
			{
				resource: 'custom',
				operation: 'apiCall',
				method: 'GET',
				path: '../secrets',
				parameters: '{}',
			},
			'Invalid value: "Entity / Action" must look like entity/action',
		],
		[
			{
				resource: 'custom',
				operation: 'apiCall',
				method: 'POST',
				path: 'contact_information/create',
				parameters: '{"token":"x"}',
			},
			'Invalid value: "Parameters (JSON)" must not contain the token',
		],
	])('rejects %j before sending anything', async (params, message) => {
		const result = await run(params);
		expect(result.error?.message).toContain(message);
		expect(env.sim.log.count()).toBe(0);
	});

	it('custom API call: GET with the token in the query, envelope checked, optional paging', async () => {
		const result = await run({
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			path: 'contact_information/list',
			parameters: '{"fields_set":"number"}',
			paginate: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.number)).toEqual([
			'CI000001',
			'CI000002',
			'CI000003',
			'CI000004',
			'CI000005',
		]);
		const post = await run({
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: 'contact_information/update',
			parameters: '{"contact_information_identifier":{"number":"CI000001"},"notes":"via custom"}',
		});
		expect(post.error).toBeUndefined();
		expect(env.api.contacts.get('ci-1')?.notes).toBe('via custom');
	});
});
