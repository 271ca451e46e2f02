import type { INodeParameters } from 'n8n-workflow';

import { Lightening } from '../../../nodes/Lightening/Lightening.node';
import { CONTACT_PAGE } from '../../../nodes/Lightening/methods/listSearch';
import { executeNode, loadOptions } from '../../harness/harness';
import type { LighteningApi } from '../../simulator/apis/lightening';
import { crmNode, useSimulator } from '../../lib/simulator';

const env = useSimulator<LighteningApi>('lightening');

const spec = (parameters: Record<string, unknown>) => ({
	...crmNode(env.sim, 'lightening'),
	parameters: { resource: 'contact', operation: 'get', ...parameters } as INodeParameters,
});

const search = (parameters: Record<string, unknown>, filter?: string, token?: string) =>
	loadOptions(spec(parameters), 'listSearch', 'searchContacts', filter, token);

env.describe('Lightening Contact picker', () => {
	it('is offered From List and By ID (no record URLs) on Get, Update and Delete, after the customers it lists', () => {
		const properties = new Lightening().description.properties;
		for (const operation of ['get', 'update', 'delete']) {
			const shown = properties.filter((p) =>
				p.displayOptions?.show?.operation?.includes(operation),
			);
			const names = shown.map((p) => p.name);
			expect(names.indexOf('customerIds')).toBeLessThan(names.indexOf('contactId'));
			const customers = shown.find((p) => p.name === 'customerIds');
			expect(customers).toMatchObject({
				displayName: 'Customer IDs (for the List)',
				required: false,
			});
			const locator = shown.find((p) => p.name === 'contactId');
			expect(locator?.type).toBe('resourceLocator');
			expect(locator?.default).toEqual({ mode: 'list', value: '' });
			expect(locator?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
			expect(locator?.modes?.[0].typeOptions).toEqual({
				searchListMethod: 'searchContacts',
				searchable: true,
			});
		}
	});

	it('lists the contacts of the customers, each by name, email and customer, the value its id', async () => {
		const result = await search({ customerIds: '1, 2' });
		expect(result.results).toHaveLength(6);
		expect(result.results[0]).toEqual({
			name: 'Contact 1 <contact1@acme.example> · Acme Ltd (1)',
			value: '1',
		});
		expect(result.results[4]).toEqual({
			name: 'Contact 5 <contact5@acme.example> · Globex (5)',
			value: '5',
		});
		expect(result.paginationToken).toBeUndefined();
		const [call] = env.sim.log.find('/contact', 'GET');
		expect(call.url).toContain('customer_id[]=1&customer_id[]=2');
	});

	it('filters by the typed text (name, email, customer name or id, any case)', async () => {
		expect((await search({ customerIds: '1,2' }, 'GLOBEX')).results.map((r) => r.value)).toEqual([
			'5',
			'6',
		]);
		expect((await search({ customerIds: '1' }, 'contact3@')).results.map((r) => r.value)).toEqual([
			'3',
		]);
		expect((await search({ customerIds: '1' }, 'nobody')).results).toEqual([]);
	});

	it(`hands a long list to the editor ${CONTACT_PAGE} a page`, async () => {
		for (let n = 0; n < CONTACT_PAGE + 10; n++)
			env.api.insert({ customer_id: 2, name: `Bulk ${n}`, email: `bulk${n}@globex.example` });
		const first = await search({ customerIds: '2' });
		expect(first.results).toHaveLength(CONTACT_PAGE);
		expect(first.paginationToken).toBe(String(CONTACT_PAGE));
		const next = await search({ customerIds: '2' }, undefined, first.paginationToken);
		expect(next.results).toHaveLength(12);
		expect(next.paginationToken).toBeUndefined();
	});

	it('without customers, says to enter them or to type the ID, and sends nothing', async () => {
		await expect(search({})).rejects.toMatchObject({
			message:
				'Enter Customer IDs (for the List) to list their contacts: Lightening lists contacts per customer',
			description: "Or switch Contact to By ID and type the contact's internal ID.",
		});
		await expect(search({ customerIds: 'abc' })).rejects.toThrow(
			'"Customer IDs (for the List) → 0" must be a number',
		);
		expect(env.sim.log.count()).toBe(0);
	});

	it('when Lightening refuses the list, says so and how to type the contact ID', async () => {
		await expect(search({ customerIds: '77' })).rejects.toMatchObject({
			message:
				'Lightening did not list the contacts of customer 77 (GET contact): Lightening: customer_id: Customer not found.',
			description:
				'Type the contact ID instead: switch Contact to By ID and enter its internal ID.',
		});
	});

	it('Get, Update and Delete take the contact picked From List, By ID, or a plain older string', async () => {
		const run = (parameters: Record<string, unknown>) =>
			executeNode({
				...crmNode(env.sim, 'lightening'),
				parameters: { resource: 'contact', ...parameters } as INodeParameters,
			});
		for (const contactId of [
			{ __rl: true, mode: 'list', value: '2' },
			{ __rl: true, mode: 'id', value: '2' },
			'2',
		]) {
			const got = await run({ operation: 'get', customerIds: '1', contactId });
			expect(got.error).toBeUndefined();
			expect(got.items[0].json).toMatchObject({ id: '2', name: 'Contact 2' });
		}
		const updated = await run({
			operation: 'update',
			contactId: { __rl: true, mode: 'list', value: '3' },
			name: 'Picked',
		});
		expect(updated.error).toBeUndefined();
		expect(env.api.contacts.get('3')?.name).toBe('Picked');
		const deleted = await run({
			operation: 'delete',
			contactId: { __rl: true, mode: 'list', value: '4' },
		});
		expect(deleted.items[0].json).toMatchObject({ id: '4', deleted: true });
		const bad = await run({
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: '12 3' },
		});
		expect(bad.error?.message).toContain('"Contact ID" is not a valid contact ID');
		// the list customers are never sent by the operation itself
		expect(env.sim.log.all().every((r) => !r.url.includes('customer_id'))).toBe(true);
	});
});
