import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CrmComLegacy } from '../../../nodes/CrmComLegacy/CrmComLegacy.node';
import { loadOptions, type NodeRunSpec } from '../../harness/harness';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../../simulator/apis/crmcomLegacy';
import { crmNode, useSimulator } from '../../lib/simulator';

const env = useSimulator<CrmComLegacyApi>('crmcomLegacy');

/** Runs the Legacy node with the password credential (an empty token: the first call logs in). */
function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return env.run('legacyPassword', parameters, { credentialOverrides: { token: '' }, ...extra });
}

describe('CRM.COM Legacy Simplify', () => {
	it('is offered on every read, off by default so saved workflows keep their output', () => {
		const reads = new CrmComLegacy().description.properties.filter((p) => p.name === 'simplify');
		expect(
			reads.map((p) => [p.displayOptions?.show?.resource, p.displayOptions?.show?.operation]),
		).toEqual(
			expect.arrayContaining([
				[['contactInformation'], ['get']],
				[['contactInformation'], ['getAll']],
				[['provisioningRequest'], ['getPending']],
			]),
		);
		expect(reads.every((p) => p.default === false)).toBe(true);
	});

	it('Get: the simplified contact information, and the full record when off', async () => {
		const contact = env.api.insert({
			type: 'PERSON',
			first_name: 'Ada',
			last_name: 'Lovelace',
			email_set: [{ type: 'PERSONAL', email_address: 'ada@crm.example' }],
			phone_set: [{ type: 'LANDLINE', number: '123456' }],
			notes: 'Family',
		});
		const params = {
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'number',
			identifier: contact.number,
		};
		const simple = await run({ ...params, simplify: true });
		expect(simple.error).toBeUndefined();
		expect(simple.items[0].json).toEqual({
			id: contact.id,
			number: contact.number,
			type: 'PERSON',
			name: 'Ada Lovelace',
			first_name: 'Ada',
			last_name: 'Lovelace',
			company_name: null,
			email: 'ada@crm.example',
			phone: '123456',
		});
		const full = await run(params);
		expect(full.items[0].json).toMatchObject({ notes: 'Family', email_set: contact.email_set });
	});

	it('Get Many and Get Pending simplify every record', async () => {
		const many = await run({
			resource: 'contactInformation',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(many.items.length).toBe(env.api.contacts.size);
		expect(many.items[0].json).toEqual(
			expect.objectContaining({ name: 'Legacy1 Customer', email: null, phone: null }),
		);
		expect(Object.keys(many.items[0].json).sort()).toEqual(
			[
				'company_name',
				'email',
				'first_name',
				'id',
				'last_name',
				'name',
				'number',
				'phone',
				'type',
			].sort(),
		);
		const pending = await run({
			resource: 'provisioningRequest',
			operation: 'getPending',
			provider: LEGACY_DEMO.provider,
			returnAll: false,
			limit: 2,
			simplify: true,
		});
		expect(pending.items.map((i) => i.json)).toEqual([
			{
				id: 'PR000001',
				action: 'ACTIVATE',
				state: 'PENDING',
				provider: LEGACY_DEMO.provider,
				created_date: null,
			},
			{
				id: 'PR000002',
				action: 'ACTIVATE',
				state: 'PENDING',
				provider: LEGACY_DEMO.provider,
				created_date: null,
			},
		]);
	});
});

describe('CRM.COM Legacy Identifier picker', () => {
	const spec = (identifierType: string) => ({
		...crmNode(env.sim, 'legacyPassword', { token: '' }),
		parameters: {
			resource: 'contactInformation',
			operation: 'get',
			identifierType,
		} as INodeParameters,
	});

	it('lists contact informations by the field Identify By names, 50 a page, filtered by the typed text', async () => {
		for (let n = 0; n < 50; n++) env.api.insert({ type: 'COMPANY', company_name: `Firm ${n}` });
		const first = await loadOptions(spec('number'), 'listSearch', 'searchContactInformation');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Legacy1 Customer (CI000001)', value: 'CI000001' });
		expect(first.paginationToken).toBe('50');
		const list = env.sim.log.find('/contact_information/list');
		expect(list[list.length - 1].query).toMatchObject({ offset: '0', number_of_results: '50' });
		const next = await loadOptions(
			spec('number'),
			'listSearch',
			'searchContactInformation',
			undefined,
			'50',
		);
		expect(next.results.map((r) => r.value)).toEqual([
			'CI000051',
			'CI000052',
			'CI000053',
			'CI000054',
			'CI000055',
		]);
		expect(next.paginationToken).toBeUndefined();
		const byId = await loadOptions(spec('id'), 'listSearch', 'searchContactInformation', 'legacy3');
		expect(byId.results).toEqual([{ name: 'Legacy3 Customer (CI000003)', value: 'ci-3' }]);
	});

	it('Get reads the picked identifier, and the plain string older workflows stored', async () => {
		for (const identifier of [
			{ __rl: true, mode: 'list', value: 'CI000002' },
			{ __rl: true, mode: 'id', value: 'CI000002' },
			'CI000002',
		]) {
			env.sim.log.clear();
			const result = await run({
				resource: 'contactInformation',
				operation: 'get',
				identifierType: 'number',
				identifier,
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ number: 'CI000002', first_name: 'Legacy2' });
			expect(
				env.sim.log.find('/contact_information/show')[0].query.contact_information_identifier,
			).toBe('number=CI000002');
		}
	});
});

env.describe('CRM.COM Legacy Identifier picker when the list is refused', () => {
	const spec = () => ({
		...crmNode(env.sim, 'legacyPassword', { token: '' }),
		parameters: {
			resource: 'contactInformation',
			operation: 'get',
			identifierType: 'number',
		} as INodeParameters,
	});

	it('says that CRM.COM refused the list, and how to type the identifier', async () => {
		const api = env.api as unknown as { list: () => unknown };
		const spy = jest.spyOn(api, 'list').mockReturnValue({
			status: 200,
			headers: {},
			body: {
				data: null,
				status: { code: 'NOT_ALLOWED', description: 'No permission', message: '' },
			},
		});
		try {
			await expect(
				loadOptions(spec(), 'listSearch', 'searchContactInformation'),
			).rejects.toMatchObject({
				message: expect.stringMatching(
					/^CRM\.COM did not list the contact informations \(GET contact_information\/list\): .*NOT_ALLOWED — No permission/,
				),
				description:
					'Type the identifier instead: switch Identifier to By Identifier and enter the value Identify By names.',
			});
		} finally {
			spy.mockRestore();
		}
	});

	it('lists under this profile too, the value by Identify By', async () => {
		const result = await loadOptions(spec(), 'listSearch', 'searchContactInformation', 'legacy2');
		expect(result.results).toEqual([{ name: 'Legacy2 Customer (CI000002)', value: 'CI000002' }]);
	});
});
