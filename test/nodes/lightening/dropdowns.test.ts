import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Lightening } from '../../../nodes/Lightening/Lightening.node';
import { executeNode, loadOptions } from '../../harness/harness';
import type { LighteningApi } from '../../simulator/apis/lightening';
import { crmNode, useSimulator } from '../../lib/simulator';

const env = useSimulator<LighteningApi>('lightening');

const options = (method: string, parameters: Record<string, unknown>) =>
	loadOptions(
		{
			...crmNode(env.sim, 'lightening'),
			parameters: { resource: 'contact', ...parameters } as INodeParameters,
		},
		'loadOptions',
		method,
	);

const run = (parameters: Record<string, unknown>) =>
	executeNode({
		...crmNode(env.sim, 'lightening'),
		parameters: { resource: 'contact', ...parameters } as INodeParameters,
	});

/** Contacts of customer 2 carrying cost centers and portal profiles, as the docs' list shows. */
function seed() {
	env.api.insert({
		customer_id: 2,
		name: 'With Sales',
		cost_center_id: '12',
		cost_center_name: 'Sales',
		customer_portal_profile_id: '3',
		customer_portal_profile_name: 'Buyers',
	});
	env.api.insert({
		customer_id: 2,
		name: 'With Support',
		cost_center_id: '7',
		cost_center_name: 'Support',
		customer_portal_profile_id: '3',
		customer_portal_profile_name: 'Buyers',
	});
	env.api.insert({
		customer_id: 2,
		name: 'Unnamed',
		cost_center_id: '9',
		cost_center_name: '',
		customer_portal_profile_id: '1',
		customer_portal_profile_name: '',
	});
	// customer 1's contacts carry other values
	env.api.insert({
		customer_id: 1,
		name: 'Elsewhere',
		cost_center_id: '44',
		cost_center_name: 'Acme HQ',
	});
}

env.describe('Lightening dropdowns loaded from the contacts', () => {
	it('Cost Center and Portal Profile are dropdowns on Create, Update and Create or Update', () => {
		const properties = new Lightening().description.properties;
		for (const [collection, operation] of [
			['additionalFields', 'create'],
			['updateFields', 'update'],
			['additionalFields', 'upsert'],
		]) {
			const fields = (properties.find(
				(p) => p.name === collection && p.displayOptions?.show?.operation?.includes(operation),
			)?.options ?? []) as Array<{ name: string; type: string; typeOptions?: IDataObject }>;
			expect(fields.find((f) => f.name === 'costCenterId')).toMatchObject({
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCostCenters' },
			});
			expect(fields.find((f) => f.name === 'customerPortalProfileId')).toMatchObject({
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPortalProfiles' },
			});
		}
	});

	it("lists the cost centers and portal profiles seen on the customer's contacts, once each, by name", async () => {
		seed();
		expect(await options('getCostCenters', { operation: 'create', customerId: '2' })).toEqual([
			{ name: '9', value: '9' },
			{ name: 'Sales (12)', value: '12' },
			{ name: 'Support (7)', value: '7' },
		]);
		expect(await options('getPortalProfiles', { operation: 'upsert', customerId: '2' })).toEqual([
			{ name: '1', value: '1' },
			{ name: 'Buyers (3)', value: '3' },
		]);
		// Update has no customer of its own: the customers of the Contact picker's list
		expect(
			(await options('getCostCenters', { operation: 'update', customerIds: '1, 2' })).map(
				(o) => o.value,
			),
		).toEqual(['9', '44', '12', '7']);
		const [call] = env.sim.log.find('/contact', 'GET');
		expect(call.url).toContain('customer_id[]=2');
	});

	it('without a customer, or when Lightening refuses the list, says how to type the ID', async () => {
		await expect(options('getCostCenters', { operation: 'update' })).rejects.toMatchObject({
			message:
				'Enter the Customer ID first: Lightening lists the cost centers only as its contacts carry them',
			description: 'Or type the cost center ID: switch the field to Expression and enter the ID.',
		});
		expect(env.sim.log.count()).toBe(0);
		await expect(
			options('getPortalProfiles', { operation: 'create', customerId: '77' }),
		).rejects.toMatchObject({
			message:
				'Lightening did not list the contacts of customer 77 (GET contact) for their portal profiles: Lightening: customer_id: Customer not found.',
			description: 'Type the portal profile ID: switch the field to Expression and enter the ID.',
		});
	});

	it('a picked value (the id as text) is sent as the number the docs type it as; none picked sends nothing', async () => {
		seed();
		const picked = await run({
			operation: 'create',
			customerId: '2',
			name: 'Picked',
			additionalFields: { costCenterId: '12', customerPortalProfileId: '3' },
		});
		expect(picked.error).toBeUndefined();
		expect(env.sim.log.find('/contact', 'POST')[0].body).toMatchObject({
			cost_center_id: 12,
			customer_portal_profile_id: 3,
		});
		env.sim.log.clear();
		const none = await run({
			operation: 'update',
			contactId: '1',
			name: 'None',
			updateFields: { costCenterId: '', customerPortalProfileId: '' },
		});
		expect(none.error).toBeUndefined();
		expect(env.sim.log.find('/contact/1', 'POST')[0].body).toEqual({ name: 'None' });
		const bad = await run({
			operation: 'create',
			customerId: '2',
			name: 'Bad',
			additionalFields: { costCenterId: 'Sales' },
		});
		expect(bad.error?.message).toContain('"Cost Center ID" must be a whole number');
	});
});
