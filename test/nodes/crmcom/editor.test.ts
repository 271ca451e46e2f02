import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { CrmCom } from '../../../nodes/CrmCom/CrmCom.node';
import { CrmComTrigger } from '../../../nodes/CrmCom/CrmComTrigger.node';
import { loadOptions, type NodeRunSpec } from '../../harness/harness';
import { apiKeyCredentials, byId, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

function spec(
	node: CrmCom | CrmComTrigger = new CrmCom(),
): Omit<NodeRunSpec, 'input' | 'continueOnFail'> {
	return {
		node,
		credentialTypes: [new CrmComApi(), new CrmComUserApi()],
		credentials: apiKeyCredentials(t.sim),
		parameters: { authentication: 'apiKey' } as INodeParameters,
	};
}

const property = (name: string) =>
	new CrmCom().description.properties.filter((p) => p.name === name) as INodeProperties[];

describe('CRM.COM in the editor: resource locators', () => {
	it('insight is a locator with From List (GET /insights), By ID and By URL; organisation By ID', () => {
		for (const p of property('insightId')) {
			expect(p.type).toBe('resourceLocator');
			expect(p.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
		}
		for (const p of property('organisationId')) {
			expect(p.type).toBe('resourceLocator');
			expect(p.modes?.map((m) => m.name)).toEqual(['id']);
		}
	});

	it('lists insights for the picker, with their URL', async () => {
		const created = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'create',
			name: 'Big spenders',
		});
		const id = String(created.items[0].json.id);
		t.sim.log.clear();
		const found = await loadOptions(spec(), 'listSearch', 'searchInsights');
		expect(t.sim.log.all()[0].path).toBe('/crmcom/backoffice/v2/insights');
		expect(found.results).toEqual([
			{ name: 'Big spenders', value: id, url: `${t.sim.baseUrl('crmcom')}/insights/${id}` },
		]);
	});

	it('reads the id from each locator mode and from a plain string an older workflow stored', async () => {
		const created = await runCrmCom(t.sim, { resource: 'insight', operation: 'create', name: 'X' });
		const id = String(created.items[0].json.id);
		const values = [
			id,
			byId(id),
			{ __rl: true, mode: 'list', value: id },
			{ __rl: true, mode: 'url', value: `https://tenant.crm.com/backoffice/v2/insights/${id}` },
		];
		for (const insightId of values) {
			t.sim.log.clear();
			const got = await runCrmCom(t.sim, { resource: 'insight', operation: 'get', insightId });
			expect(got.error).toBeUndefined();
			expect(t.sim.log.all()[0].path).toBe(`/crmcom/backoffice/v2/insights/${id}`);
			expect(got.items[0].json).toMatchObject({ id, name: 'X' });
		}
		const org = await runCrmCom(t.sim, {
			resource: 'analytics',
			operation: 'getForOrganisation',
			organisationId: byId('org-1'),
		});
		expect(org.items[0].json).toMatchObject({ id: 'org-1' });
	});
});

describe('CRM.COM in the editor: dropdowns from the CRM', () => {
	it('users from GET /users and teams from GET /teams, in the node and the trigger', async () => {
		for (const node of [new CrmCom(), new CrmComTrigger()]) {
			t.sim.log.clear();
			expect(await loadOptions(spec(node), 'loadOptions', 'getUsers')).toEqual([
				{ name: 'Dana Agent', value: 'user-1', description: 'dana@crm.example' },
				{ name: 'Lee Manager', value: 'user-2', description: 'lee@crm.example' },
			]);
			expect(await loadOptions(spec(node), 'loadOptions', 'getTeams')).toEqual([
				{ name: 'Sales', value: 'team-sales' },
				{ name: 'Support', value: 'team-support' },
			]);
			expect(t.sim.log.all().map((r) => r.path)).toEqual([
				'/crmcom/backoffice/v2/users',
				'/crmcom/backoffice/v2/teams',
			]);
		}
	});

	it('when the CRM refuses the list, the dropdown says so and how to type the ID', async () => {
		t.api.refusedLists.add('users');
		await expect(loadOptions(spec(), 'loadOptions', 'getUsers')).rejects.toMatchObject({
			message: 'CRM.COM did not list the users (GET /users): CRM.COM: Not allowed',
			description: 'Type the user ID instead: switch the field to Expression and enter the ID.',
		});
	});

	it('activity types and tags seen on recent activities, custom-field keys seen on recent records', async () => {
		const [a, b] = [...t.api.activities.values()];
		a.tag_ids = ['tag-vip'];
		a.custom_fields = [{ key: 'region', value: 'north' }];
		b.tag_ids = ['tag-vip', 'tag-maint'];
		b.custom_fields = [{ key: 'back_office', value: '1' }];
		const contact = [...t.api.contacts.values()][0];
		contact.custom_fields = [{ key: 'loyalty_tier', value: 'gold' }];
		t.sim.log.clear();
		expect(await loadOptions(spec(), 'loadOptions', 'getActivityTypes')).toEqual([
			{ name: 'Call', value: 'type-call' },
			{ name: 'Email', value: 'type-email' },
			{ name: 'Site visit', value: 'type-visit' },
		]);
		expect(await loadOptions(spec(), 'loadOptions', 'getTags')).toEqual([
			{ name: 'Maintenance', value: 'tag-maint' },
			{ name: 'VIP', value: 'tag-vip' },
		]);
		expect(await loadOptions(spec(), 'loadOptions', 'getActivityCustomFieldKeys')).toEqual([
			{ name: 'back_office', value: 'back_office' },
			{ name: 'region', value: 'region' },
		]);
		expect(await loadOptions(spec(), 'loadOptions', 'getContactCustomFieldKeys')).toEqual([
			{ name: 'loyalty_tier', value: 'loyalty_tier' },
		]);
		const queries = t.sim.log.all().map((r) => [r.path, r.query]);
		expect(queries[1]).toEqual([
			'/crmcom/backoffice/v2/activities',
			expect.objectContaining({ include_tags: 'true' }),
		]);
		expect(queries[2][1]).toMatchObject({ include_custom_fields: 'true' });
		expect(queries[3]).toEqual([
			'/crmcom/backoffice/v2/contacts',
			expect.objectContaining({ include_custom_fields: 'true' }),
		]);
	});

	it('the dropdown fields hold the plain IDs the text fields held (Create with a chosen type, user and team)', async () => {
		const contactId = [...t.api.contacts.keys()][0];
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'create',
			contactId: byId(contactId),
			name: 'Call',
			typeId: 'type-visit',
			scheduledFrom: '2026-03-01T09:00:00Z',
			additionalFields: { assignToUserId: 'user-2', assignToTeamId: 'team-sales' },
		});
		expect(result.error).toBeUndefined();
		expect(t.sim.log.find('/activities', 'POST')[0].body).toMatchObject({
			type_id: 'type-visit',
			assign_to: { user_id: 'user-2', team_id: 'team-sales' },
		});
	});
});

describe('CRM.COM smaller gaps', () => {
	it('Get Many sends every custom-field filter pair, and the CRM applies them all', async () => {
		const [a, b] = [...t.api.activities.values()];
		a.custom_fields = [
			{ key: 'region', value: 'north' },
			{ key: 'tier', value: 'gold' },
		];
		b.custom_fields = [{ key: 'region', value: 'north' }];
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getAll',
			returnAll: true,
			filters: {
				customFields: {
					field: [
						{ key: 'region', value: 'north' },
						{ key: 'tier', value: 'gold' },
					],
				},
			},
		});
		expect(t.sim.log.all()[0].query.custom_fields).toBe('region;north,tier;gold');
		expect(result.items.map((i) => i.json.id)).toEqual([a.id]);
	});

	it('Get Many refuses a custom-field value holding a separator, naming the pair', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getAll',
			returnAll: true,
			filters: { customFields: { field: [{ key: 'region', value: 'a,b' }] } },
		});
		expect(result.error?.message).toBe(
			'Invalid value: "Filters → Custom Fields → 1" must not contain "," or ";" (CRM.COM reads them as separators)',
		);
		expect(t.sim.log.all()).toEqual([]);
	});

	it('Set Tags is not required: none chosen removes all tags; a list of tags from the dropdown is sent', async () => {
		const tagIds = property('tagIds').find((p) =>
			p.displayOptions?.show?.operation?.includes('setTags'),
		);
		expect(tagIds?.required).toBeFalsy();
		expect(tagIds?.type).toBe('multiOptions');
		const id = [...t.api.activities.keys()][0];
		await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'setTags',
			activityId: byId(id),
			tagIds: ['tag-vip', 'tag-maint'],
		});
		expect(t.sim.log.find('/tags', 'PUT')[0].body).toEqual({ tags: ['tag-vip', 'tag-maint'] });
		await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'setTags',
			activityId: byId(id),
			tagIds: [],
		});
		expect(t.sim.log.find('/tags', 'PUT')[1].body).toEqual({ tags: [] });
		expect(t.api.activities.get(id)?.tag_ids).toEqual([]);
	});
});

describe('CRM.COM Update can clear a nullable field', () => {
	it('account: Fields to Clear sends null and the CRM empties the field', async () => {
		const account = [...t.api.accounts.values()][0];
		account.classification_id = 'class-1';
		account.payment_terms_id = 'terms-1';
		const result = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'update',
			accountId: account.id,
			updateFields: { creditLimit: 50 },
			fieldsToClear: ['classification_id'],
		});
		expect(result.error).toBeUndefined();
		expect(t.sim.log.find('/accounts/', 'PUT')[0].body).toEqual({
			credit_limit: 50,
			classification_id: null,
		});
		expect(account.classification_id).toBeNull();
		expect(account.payment_terms_id).toBe('terms-1');
	});

	it('activity: clears the description and the assignment; clearing alone is a valid update', async () => {
		const activity = [...t.api.activities.values()][0];
		activity.description = 'Old';
		activity.assign_to = { user_id: 'user-1' };
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'update',
			activityId: byId(activity.id),
			fieldsToClear: ['description', 'assign_to'],
		});
		expect(result.error).toBeUndefined();
		expect(t.sim.log.find('/activities/', 'PUT')[0].body).toEqual({
			description: null,
			assign_to: null,
		});
		expect(activity.description).toBeNull();
		expect(activity.assign_to).toBeNull();
	});

	it('refuses a field both set and cleared, naming it, and sends nothing', async () => {
		const activity = [...t.api.activities.values()][0];
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'update',
			activityId: byId(activity.id),
			updateFields: { description: 'New' },
			fieldsToClear: ['description'],
		});
		expect(result.error?.message).toBe(
			'Invalid value: "Description" is both set and in "Fields to Clear"',
		);
		expect(t.sim.log.find('/activities/', 'PUT')).toEqual([]);
	});
	it.each([
		['account', 'accountId'],
		['activity', 'activityId'],
		['contact', 'contactId'],
		['insight', 'insightId'],
	])(
		'%s update with no field to change is refused by name and sends nothing',
		async (resource, idName) => {
			const result = await runCrmCom(t.sim, {
				resource,
				operation: 'update',
				[idName]: resource === 'insight' ? 'x' : byId('4dc0809f-ed91-4b68-b912-5bd6064d901e'),
				updateFields: {},
			});
			expect(result.error?.message).toBe(
				'Invalid value: "Update Fields" needs at least one field to change',
			);
			expect(t.sim.log.count()).toBe(0);
		},
	);
});
