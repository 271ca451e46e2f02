import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, type CrmNodeSetup } from '../harness/crmNodes';
import { executeNode, type NodeRunSpec } from '../harness/harness';
import { startSimulator, type Simulator } from '../simulator/server';

/**
 * The bad-input corpus: every case must fail with a NodeOperationError whose message names the
 * field, before any request reaches the simulator. Ids with `/`, `..`, `?`, `#` or spaces are
 * checked separately: encoded into one segment of the intended endpoint, or refused.
 */

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

type Node = 'CRM.COM' | 'CentrixOne' | 'Cention' | 'Lightening' | 'CRM.COM Legacy';

const SETUP: Record<Node, CrmNodeSetup> = {
	'CRM.COM': 'crmcom',
	CentrixOne: 'centrixone',
	Cention: 'cention',
	Lightening: 'lightening',
	'CRM.COM Legacy': 'legacyPassword',
};

function spec(node: Node, parameters: IDataObject, credentials?: IDataObject): NodeRunSpec {
	return { ...crmNode(sim, SETUP[node], credentials), parameters: parameters as INodeParameters };
}

interface Case {
	name: string;
	node: Node;
	parameters: IDataObject;
	/** The field the message must name. */
	field: RegExp;
	credentials?: IDataObject;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);
const long = (n: number) => 'x'.repeat(n);
/**
 * An empty or null value as an expression result: n8n itself refuses a static empty required
 * field before the node runs; an expression that resolves to nothing reaches the node's checks.
 */
const E = (value: unknown) =>
	value === '' || value === null || (typeof value === 'string' && value.trim() === '')
		? `={{ ${JSON.stringify(value)} }}`
		: value;
const BAD_EMAILS = ['not-an-email', 'a@', '@b.example', 'a b@c.example', 'a@b', 'a@@b.example'];

// ---- Lightening: create and upsert share the field checks
const lighteningBases: Array<[string, IDataObject]> = [
	['create', { resource: 'contact', operation: 'create', customerId: '1', name: 'Pat' }],
	[
		'upsert',
		{
			resource: 'contact',
			operation: 'upsert',
			customerId: '1',
			matchEmail: 'pat@acme.example',
			name: 'Pat',
		},
	],
];
for (const [op, base] of lighteningBases) {
	const extra = (fields: IDataObject) => ({ ...base, additionalFields: fields });
	for (const [field, max, label] of [
		['tel', 32, /Phone/],
		['tel1', 32, /Phone 2/],
		['fax', 32, /Fax/],
		['mobile', 32, /Mobile/],
		['role', 32, /Role/],
		['department', 64, /Department/],
		['customerCustomIdentifier', 16, /Custom Identifier/],
	] as Array<[string, number, RegExp]>)
		add({
			name: `Lightening ${op}: ${field} over ${max} characters`,
			node: 'Lightening',
			parameters: extra({ [field]: long(max + 1) }),
			field: label,
		});
	if (op === 'create')
		for (const email of [...BAD_EMAILS, `${long(186)}@b.example`])
			add({
				name: `Lightening ${op}: email "${email.slice(0, 20)}"`,
				node: 'Lightening',
				parameters: extra({ email }),
				field: /Email/,
			});
	for (const password of ['short', long(33)])
		add({
			name: `Lightening ${op}: portal password of ${password.length}`,
			node: 'Lightening',
			parameters: extra({ portalPassword: password }),
			field: /Portal Password/,
		});
	for (const id of [-1, 1.5, 4294967296])
		add({
			name: `Lightening ${op}: portal profile id ${id}`,
			node: 'Lightening',
			parameters: extra({ customerPortalProfileId: id }),
			field: /Portal Profile ID/,
		});
	add({
		name: `Lightening ${op}: cost center id 2.5`,
		node: 'Lightening',
		parameters: extra({ costCenterId: 2.5 }),
		field: /Cost Center ID/,
	});
	for (const locale of ['english', 'EN_us', 'en-US'])
		add({
			name: `Lightening ${op}: locale ${locale}`,
			node: 'Lightening',
			parameters: extra({ locale }),
			field: /Locale/,
		});
	for (const name of ['', long(65), null])
		add({
			name: `Lightening ${op}: name ${JSON.stringify(name)?.slice(0, 12)}`,
			node: 'Lightening',
			parameters: { ...base, name: E(name) },
			field: /Name/,
		});
	for (const customerId of ['abc', '-1', '', null, '1.5'])
		add({
			name: `Lightening ${op}: customer id ${JSON.stringify(customerId)}`,
			node: 'Lightening',
			parameters: { ...base, customerId: E(customerId) },
			field: /Customer/,
		});
}
for (const email of BAD_EMAILS)
	add({
		name: `Lightening upsert: match email "${email}"`,
		node: 'Lightening',
		parameters: { ...lighteningBases[1][1], matchEmail: email },
		field: /Email/,
	});
for (const customerIds of ['', 'abc', '1, x', null])
	add({
		name: `Lightening get many: customer ids ${JSON.stringify(customerIds)}`,
		node: 'Lightening',
		parameters: {
			resource: 'contact',
			operation: 'getAll',
			customerIds: E(customerIds),
			returnAll: true,
		},
		field: /Customer/,
	});

// ---- CRM.COM
const crmContact = { __rl: true, mode: 'id', value: 'c-1' };
for (const currencyCode of ['EURO', 'eu', '123', '', 'E1R', 'ZZZ', null, 'US D'])
	add({
		name: `CRM.COM account create: currency ${JSON.stringify(currencyCode)}`,
		node: 'CRM.COM',
		parameters: {
			resource: 'account',
			operation: 'create',
			contactId: crmContact,
			currencyCode: E(currencyCode),
		},
		field: /Currency Code/,
	});
const activityBase: IDataObject = {
	resource: 'activity',
	operation: 'create',
	contactId: crmContact,
	name: 'Call',
	typeId: 'type-call',
	scheduledFrom: '2026-12-01T09:00:00Z',
	additionalFields: {},
};
for (const name of ['', long(201), null])
	add({
		name: `CRM.COM activity create: name ${JSON.stringify(name)?.slice(0, 12)}`,
		node: 'CRM.COM',
		parameters: { ...activityBase, name: E(name) },
		field: /Name/,
	});
for (const typeId of ['', null])
	add({
		name: `CRM.COM activity create: type ${JSON.stringify(typeId)}`,
		node: 'CRM.COM',
		parameters: { ...activityBase, typeId: E(typeId) },
		field: /Activity Type/,
	});
for (const scheduledFrom of ['not a date', '2026-13-45T00:00:00Z', 'tomorrow', '', null])
	add({
		name: `CRM.COM activity create: scheduled from ${JSON.stringify(scheduledFrom)}`,
		node: 'CRM.COM',
		parameters: { ...activityBase, scheduledFrom: E(scheduledFrom) },
		field: /Scheduled From/,
	});
for (const scheduledTo of ['2026-11-30T09:00:00Z', 'later', '2026-02-30T00:00:00Z'])
	add({
		name: `CRM.COM activity create: scheduled to ${scheduledTo}`,
		node: 'CRM.COM',
		parameters: { ...activityBase, additionalFields: { scheduledTo } },
		field: /Scheduled To/,
	});
add({
	name: 'CRM.COM activity create: address and entity address together',
	node: 'CRM.COM',
	parameters: { ...activityBase, additionalFields: { addressId: 'a-1', useEntityAddress: true } },
	field: /Address ID/,
});
for (const [key, label] of [
	['createdAfter', /Created After/],
	['createdBefore', /Created Before/],
	['completedAfter', /Completed After/],
	['completedBefore', /Completed Before/],
] as Array<[string, RegExp]>)
	for (const value of ['yesterday', '2026-99-01'])
		add({
			name: `CRM.COM activity get many: ${key} ${value}`,
			node: 'CRM.COM',
			parameters: {
				resource: 'activity',
				operation: 'getAll',
				returnAll: true,
				filters: { [key]: value },
			},
			field: label,
		});
for (const id of ['..', '.', '', '  '])
	for (const operation of ['get', 'delete'])
		add({
			name: `CRM.COM activity ${operation}: id ${JSON.stringify(id)}`,
			node: 'CRM.COM',
			parameters: {
				resource: 'activity',
				operation,
				activityId: { __rl: true, mode: 'id', value: `={{ ${JSON.stringify(id)} }}` },
			},
			field: /Activity/,
		});
for (const baseUrl of [
	'http://crm.example.com/backoffice/v2',
	'ftp://crm.example.com',
	'crm.example.com',
	'',
	'https://',
])
	add({
		name: `CRM.COM credential: base URL ${JSON.stringify(baseUrl)}`,
		node: 'CRM.COM',
		parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 },
		credentials: { baseUrl },
		field: /Base URL/,
	});

// ---- CentrixOne
const upsertBase: IDataObject = {
	resource: 'contact',
	operation: 'upsert',
	externalId: 'EXT-1',
	contactFields: {},
};
for (const externalId of ['', '  ', 'A\tB', 'A\nB', 'A\r\nB', null])
	add({
		name: `CentrixOne upsert: external id ${JSON.stringify(externalId)}`,
		node: 'CentrixOne',
		parameters: { ...upsertBase, externalId: E(externalId) },
		field: /External ID/,
	});
for (const Email of BAD_EMAILS)
	for (const op of ['upsert', 'create'])
		add({
			name: `CentrixOne ${op}: email "${Email}"`,
			node: 'CentrixOne',
			parameters: { ...upsertBase, operation: op, contactFields: { Email } },
			field: /Email/,
		});
for (const CountryISO of ['USA', '1A', 'U', 'U S'])
	add({
		name: `CentrixOne upsert: country ${CountryISO}`,
		node: 'CentrixOne',
		parameters: { ...upsertBase, contactFields: { CountryISO } },
		field: /Country ISO/,
	});
for (const listId of ['abc', '-1', '1.5', '10 20'])
	add({
		name: `CentrixOne upsert: list ${listId}`,
		node: 'CentrixOne',
		parameters: { ...upsertBase, contactFields: { listId } },
		field: /List/,
	});
add({
	name: 'CentrixOne upsert: sales rep without a list',
	node: 'CentrixOne',
	parameters: { ...upsertBase, contactFields: { SalesRep1: '7' } },
	field: /List/,
});
for (const name of ['1abc', 'a-b', '', 'a b', 'é'])
	add({
		name: `CentrixOne upsert: other field name ${JSON.stringify(name)}`,
		node: 'CentrixOne',
		parameters: {
			...upsertBase,
			contactFields: { otherFields: { field: [{ name, value: 'x' }] } },
		},
		field: /Other Fields/,
	});
for (const idc of ['abc', '-1', '1.5', '', null, '1/2'])
	add({
		name: `CentrixOne update: idc ${JSON.stringify(idc)}`,
		node: 'CentrixOne',
		parameters: { resource: 'contact', operation: 'update', idc: E(idc), updateFields: {} },
		// the field is the Contact picker (By ID mode); the error quotes its name
		field: /"Contact" must (be a CentrixOne ID \(idc\)|not be empty)/,
	});
for (const value of ['a\tb', 'a\nb', 'a\rb'])
	add({
		name: `CentrixOne get many: condition value ${JSON.stringify(value)}`,
		node: 'CentrixOne',
		parameters: {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filterMode: 'conditions',
			conditions: {
				condition: [{ prefix: '', field: 'Company', operator: 'startsWith', value, suffix: '' }],
			},
		},
		field: /Value|Condition/,
	});
for (const [key, value] of [
	['account', 'ab-12'],
	['account', ''],
	['apiKey', 'key/with/slash'],
	['apiKey', ''],
	['baseUrl', 'http://centrix.example.com/API_WEB/EN'],
])
	add({
		name: `CentrixOne credential: ${key} ${JSON.stringify(value)}`,
		node: 'CentrixOne',
		parameters: { ...upsertBase },
		credentials: { [key]: value },
		field: key === 'account' ? /Account/ : key === 'apiKey' ? /API Key/ : /Base URL/,
	});

// ---- Cention
const cardBase: IDataObject = {
	resource: 'contactCard',
	operation: 'upsert',
	name: 'Jane',
	emails: ['jane@example.com'],
};
for (const emails of BAD_EMAILS.map((e) => [e]).concat([['ok@example.com', 'bad@']]))
	add({
		name: `Cention: emails ${JSON.stringify(emails)}`,
		node: 'Cention',
		parameters: { ...cardBase, emails },
		field: /Email/,
	});
for (const phones of [['abc'], ['+1'], ['12-ab-34'], [long(40)]])
	add({
		name: `Cention: phones ${JSON.stringify(phones).slice(0, 20)}`,
		node: 'Cention',
		parameters: { ...cardBase, phones },
		field: /Phone/,
	});
for (const empty of [{ emails: [] }, { emails: [''] }, { emails: null }, { emails: '' }])
	add({
		name: `Cention: no channel (${JSON.stringify(empty)})`,
		node: 'Cention',
		parameters: { ...cardBase, ...empty },
		field: /channel/i,
	});
for (const domain of ['http://cention.example.com', 'cention.example.com', ''])
	add({
		name: `Cention credential: domain ${JSON.stringify(domain)}`,
		node: 'Cention',
		parameters: cardBase,
		credentials: { domain },
		field: /Domain/,
	});

// ---- CRM.COM contacts
const contactCreate: IDataObject = { resource: 'contact', operation: 'create', type: 'PERSON' };
for (const email of BAD_EMAILS)
	add({
		name: `CRM.COM contact create: email "${email}"`,
		node: 'CRM.COM',
		parameters: { ...contactCreate, contactFields: { lastName: 'Doe', email } },
		field: /Email/,
	});
for (const phone of ['abc', '12', 'call me', long(40)])
	add({
		name: `CRM.COM contact create: phone "${phone.slice(0, 12)}"`,
		node: 'CRM.COM',
		parameters: { ...contactCreate, contactFields: { lastName: 'Doe', phone } },
		field: /Phone/,
	});
for (const [field, max, label] of [
	['firstName', 100, /First Name/],
	['lastName', 100, /Last Name/],
	['companyName', 200, /Company Name/],
	['code', 64, /Code/],
] as Array<[string, number, RegExp]>)
	add({
		name: `CRM.COM contact create: ${field} over ${max}`,
		node: 'CRM.COM',
		parameters: { ...contactCreate, contactFields: { lastName: 'Doe', [field]: long(max + 1) } },
		field: label,
	});
add({
	name: 'CRM.COM contact create: a person without a name',
	node: 'CRM.COM',
	parameters: { ...contactCreate, contactFields: { email: 'a@b.example' } },
	field: /Last Name/,
});

// ---- CentrixOne reads and Lightening match email resolving to nothing
for (const value of ['', null, '   '])
	add({
		name: `CentrixOne get: value ${JSON.stringify(value)}`,
		node: 'CentrixOne',
		parameters: { resource: 'contact', operation: 'get', findBy: 'externalId', value: E(value) },
		field: /Value|External ID/,
	});
add({
	name: 'Lightening upsert: match email null',
	node: 'Lightening',
	parameters: { ...lighteningBases[1][1], matchEmail: E(null) },
	field: /Email/,
});

// ---- CRM.COM legacy
const legacyCreate: IDataObject = {
	resource: 'contactInformation',
	operation: 'create',
	type: 'PERSON',
	fields: { last_name: 'Legacy' },
};
const withFields = (fields: IDataObject) => ({
	...legacyCreate,
	fields: { last_name: 'Legacy', ...fields },
});
for (const date_of_birth of ['not a date', '31/31/1990', 'yesterday'])
	add({
		name: `CRM.COM Legacy create: date of birth ${date_of_birth}`,
		node: 'CRM.COM Legacy',
		parameters: withFields({ demographics: { date_of_birth } }),
		field: /Date of Birth/,
	});
for (const country of ['CYP', '1', 'C Y'])
	add({
		name: `CRM.COM Legacy create: address country ${country}`,
		node: 'CRM.COM Legacy',
		parameters: withFields({ addresses: { address: [{ country, city: 'Nicosia' }] } }),
		field: /Country Code/,
	});
for (const number of ['abc', '1', 'call me'])
	add({
		name: `CRM.COM Legacy create: phone ${number}`,
		node: 'CRM.COM Legacy',
		parameters: withFields({ phones: { phone: [{ type: 'MOBILE', number }] } }),
		field: /Phones → 1 → Number/,
	});
for (const email_address of BAD_EMAILS)
	add({
		name: `CRM.COM Legacy create: email ${email_address}`,
		node: 'CRM.COM Legacy',
		parameters: withFields({ emails: { email: [{ type: 'PERSONAL', email_address }] } }),
		field: /Emails → 1 → Email Address/,
	});
add({
	name: 'CRM.COM Legacy create: a person without a last name',
	node: 'CRM.COM Legacy',
	parameters: { ...legacyCreate, fields: { first_name: 'Ana' } },
	field: /Last Name/,
});
add({
	name: 'CRM.COM Legacy create: a company without a name',
	node: 'CRM.COM Legacy',
	parameters: { ...legacyCreate, type: 'COMPANY', fields: {} },
	field: /Company Name/,
});
for (const fieldsSetExtra of ['bad field', 'a;b', 'x,y-z'])
	add({
		name: `CRM.COM Legacy create: return field ${fieldsSetExtra}`,
		node: 'CRM.COM Legacy',
		parameters: { ...legacyCreate, fieldsSetExtra },
		field: /More Return Fields/,
	});
for (const identifier of ['', null, 'a&b', 'a#b', 'a\nb'])
	add({
		name: `CRM.COM Legacy get: identifier ${JSON.stringify(identifier)}`,
		node: 'CRM.COM Legacy',
		parameters: {
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'number',
			identifier: E(identifier),
		},
		field: /Identifier/,
	});
add({
	name: 'CRM.COM Legacy get: unknown identifier type',
	node: 'CRM.COM Legacy',
	parameters: {
		resource: 'contactInformation',
		operation: 'get',
		identifierType: 'email',
		identifier: 'CI1',
	},
	field: /Identify By/,
});
for (const provider of ['', null])
	add({
		name: `CRM.COM Legacy pending provisioning: provider ${JSON.stringify(provider)}`,
		node: 'CRM.COM Legacy',
		parameters: {
			resource: 'provisioningRequest',
			operation: 'getPending',
			provider: E(provider),
			returnAll: true,
		},
		field: /Provider/,
	});
for (const path of ['contacts', '../x/y', 'a b/c', 'a/b?c', null])
	add({
		name: `CRM.COM Legacy custom call: path ${JSON.stringify(path)}`,
		node: 'CRM.COM Legacy',
		parameters: { resource: 'custom', operation: 'apiCall', method: 'GET', path: E(path) },
		field: /Entity \/ Action/,
	});
for (const parameters of ['{bad', '[1]', '"text"', '{"token":"x"}'])
	add({
		name: `CRM.COM Legacy custom call: parameters ${parameters}`,
		node: 'CRM.COM Legacy',
		parameters: {
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: 'contact_information/show',
			parameters,
		},
		field: /Parameters \(JSON\)/,
	});
for (const server of ['http://legacy.example.com', 'legacy.example.com', ''])
	add({
		name: `CRM.COM Legacy credential: server ${JSON.stringify(server)}`,
		node: 'CRM.COM Legacy',
		parameters: { resource: 'contactInformation', operation: 'get', identifier: 'CI1' },
		credentials: { server },
		field: /Server/,
	});

describe('bad-input corpus', () => {
	it('has at least 200 cases across the nodes', () => {
		expect(cases.length).toBeGreaterThanOrEqual(200);
		expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const result = await executeNode(spec(c.node, c.parameters, c.credentials));
		expect(result.error).toBeDefined();
		const text = `${result.error?.message} ${result.error?.description ?? ''}`;
		// n8n keeps the error in the run data serialised: a NodeOperationError has no httpCode
		// and names the node (a NodeApiError carries the API's httpCode)
		const error = result.error as unknown as IDataObject;
		expect(error.name ?? 'NodeOperationError').toMatch(/NodeOperationError/);
		expect(error.httpCode ?? null).toBeNull();
		expect(text).toMatch(c.field);
		expect(sim.log.all()).toHaveLength(0);
	});
});

describe('ids with path characters stay one segment of the intended endpoint', () => {
	it.each(['a/b', '../contacts', 'x?y=1', 'x#y', 'a b', '%2F', 'a/../../users'])(
		'CRM.COM activity get %j',
		async (id) => {
			await executeNode(
				spec('CRM.COM', {
					resource: 'activity',
					operation: 'get',
					activityId: { __rl: true, mode: 'id', value: `={{ ${JSON.stringify(id)} }}` },
				}),
			);
			const requests = sim.log.all();
			expect(requests).toHaveLength(1);
			expect(requests[0].url).toBe(`/crmcom/backoffice/v2/activities/${encodeURIComponent(id)}`);
			expect(requests[0].path).toBe(`/crmcom/backoffice/v2/activities/${encodeURIComponent(id)}`);
		},
	);
});
