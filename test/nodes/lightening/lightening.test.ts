import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, useSimulator } from '../../lib/simulator';

import { LighteningApi as LighteningCredential } from '../../../credentials/LighteningApi.credentials';
import { LighteningTrigger } from '../../../nodes/Lightening/LighteningTrigger.node';
import { createPoller, executeNode, type NodeRunSpec } from '../../harness/harness';
import {
	LIGHTENING_DEMO,
	lighteningDate,
	type LighteningApi,
} from '../../simulator/apis/lightening';

const env = useSimulator<LighteningApi>('lightening');

const credentials = (token = LIGHTENING_DEMO.authorization) =>
	crmNode(env.sim, 'lightening', { authorizationToken: token }).credentials;

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}) {
	return executeNode({
		...crmNode(env.sim, 'lightening'),
		parameters: { resource: 'contact', ...parameters } as INodeParameters,
		...extra,
	});
}

env.describe('Lightening contacts', () => {
	it('lists the contacts of several customers with repeated customer_id[]', async () => {
		const result = await run({ operation: 'getAll', customerIds: '1, 2', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(6);
		expect(env.sim.log.all()[0].url).toContain('customer_id[]=1&customer_id[]=2');
		expect(env.sim.log.all()[0].headers.authorization).toBe(LIGHTENING_DEMO.authorization);
		const limited = await run({
			operation: 'getAll',
			customerIds: '1',
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
	});

	it('gets one contact, simplified or raw', async () => {
		const simple = await run({ operation: 'get', contactId: '2' });
		expect(simple.items[0].json).toMatchObject({
			id: '2',
			name: 'Contact 2',
			customer_name: 'Acme Ltd',
			is_active: true,
		});
		const raw = await run({ operation: 'get', contactId: '2', simplify: false });
		expect(raw.items[0].json.locale).toBe('en_US');
	});

	it('a get reply without any contact is a clear error, not an empty item', async () => {
		const store = env.api as unknown as { get: () => unknown };
		const spy = jest.spyOn(store, 'get').mockReturnValue({ status: 200, body: { result: true } });
		const result = await run({ operation: 'get', contactId: '2' });
		spy.mockRestore();
		expect(result.error?.message).toBe(
			"Lightening's reply holds no contact (neither entity nor entities)",
		);
	});

	it('creates a contact with every field mapped and create_method never sent', async () => {
		const result = await run({
			operation: 'create',
			customerId: '2',
			name: 'Dana',
			additionalFields: {
				email: 'dana@globex.example',
				tel: '+1 555 0100',
				role: 'Buyer',
				department: 'Purchasing',
				isActive: true,
				portalActive: false,
				milestone: true,
				customerPortalProfileId: 7,
				costCenterId: 12,
				customerCustomIdentifier: 'G-7',
				portalPassword: 'S3cure-pass',
				locale: 'de_DE',
			},
		});
		expect(result.error).toBeUndefined();
		const body = env.sim.log.find('/contact', 'POST')[0].body as IDataObject;
		expect(body).toEqual({
			customer_id: 2,
			name: 'Dana',
			email: 'dana@globex.example',
			tel: '+1 555 0100',
			role: 'Buyer',
			department: 'Purchasing',
			is_active: 1,
			portal_active: 0,
			milestone: 1,
			customer_portal_profile_id: 7,
			cost_center_id: 12,
			customer_custom_identifier: 'G-7',
			portal_password: 'S3cure-pass',
			locale: 'de_DE',
		});
		expect(body).not.toHaveProperty('create_method');
		expect(JSON.stringify(result.items)).not.toContain('S3cure-pass');
		expect(env.api.contacts.get(String(result.items[0].json.id))?.name).toBe('Dana');
	});

	it.each([
		[{ name: '={{ "" }}' }, '"Name" must not be empty'],
		[{ name: 'x'.repeat(65) }, '"Name" must be at most 64 characters'],
		[{ additionalFields: { email: 'not-an-email' } }, '"Email" must be a valid email address'],
		[
			{ additionalFields: { email: `${'a'.repeat(186)}@x.com` } },
			'"Email" must be at most 191 characters',
		],
		[{ additionalFields: { tel: '1'.repeat(33) } }, '"Phone" must be at most 32 characters'],
		[{ additionalFields: { tel1: '1'.repeat(33) } }, '"Phone 2" must be at most 32 characters'],
		[{ additionalFields: { fax: '1'.repeat(33) } }, '"Fax" must be at most 32 characters'],
		[{ additionalFields: { mobile: '1'.repeat(33) } }, '"Mobile" must be at most 32 characters'],
		[{ additionalFields: { role: 'r'.repeat(33) } }, '"Role" must be at most 32 characters'],
		[
			{ additionalFields: { department: 'd'.repeat(65) } },
			'"Department" must be at most 64 characters',
		],
		[
			{ additionalFields: { portalPassword: 'short' } },
			'"Portal Password" must be at least 8 characters',
		],
		[
			{ additionalFields: { portalPassword: 'p'.repeat(33) } },
			'"Portal Password" must be at most 32 characters',
		],
		[
			{ additionalFields: { customerCustomIdentifier: 'c'.repeat(17) } },
			'"Custom Identifier" must be at most 16 characters',
		],
		[
			{ additionalFields: { customerPortalProfileId: -1 } },
			'"Portal Profile ID" must be at least 0',
		],
		[
			{ additionalFields: { customerPortalProfileId: 4294967296 } },
			'"Portal Profile ID" must be at most 4294967295',
		],
		[
			{ additionalFields: { customerPortalProfileId: 1.5 } },
			'"Portal Profile ID" must be a whole number',
		],
		[{ additionalFields: { costCenterId: 2.5 } }, '"Cost Center ID" must be a whole number'],
		[{ additionalFields: { locale: 'english' } }, '"Locale" must be a locale such as en_US'],
		[{ customerId: 'abc' }, '"Customer IDs → 0" must be a number'],
		[{ customerId: '={{ "" }}' }, '"Customer IDs" needs at least one customer ID'],
	])('create rejects %j before sending', async (patch, message) => {
		const result = await run({ operation: 'create', customerId: '1', name: 'Valid', ...patch });
		expect(result.error?.message).toContain(message);
		expect(env.sim.log.count()).toBe(0);
	});

	it('turns result:false with field errors inside a 200 into an error carrying them', async () => {
		env.api.contacts.clear();
		const result = await run({ operation: 'update', contactId: '999', name: 'X' });
		expect(result.error?.message).toBe('Lightening: Entity not found.');
		// a rule the node cannot know: the customer does not exist
		const unknown = await run({ operation: 'create', customerId: '77', name: 'Orphan' });
		expect(unknown.error?.message).toBe('Lightening: customer_id: Customer not found.');
		expect(unknown.error?.httpCode).toBe('422');
	});

	it('updates a contact (name is required by the API on every update)', async () => {
		const result = await run({
			operation: 'update',
			contactId: '3',
			name: 'Renamed',
			updateFields: { mobile: '+44 7700 900000', isActive: false },
		});
		expect(result.error).toBeUndefined();
		expect(env.sim.log.find('/contact/3', 'POST')[0].body).toEqual({
			name: 'Renamed',
			mobile: '+44 7700 900000',
			is_active: 0,
		});
		expect(env.api.contacts.get('3')).toMatchObject({ name: 'Renamed', is_active: '0' });
	});

	it('delete: "successfully deleted" inside result:false is a success; "not found" is an error', async () => {
		const ok = await run({ operation: 'delete', contactId: '4' });
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json).toMatchObject({ id: '4', deleted: true });
		expect(env.api.contacts.has('4')).toBe(false);
		const missing = await run({ operation: 'delete', contactId: '4' });
		expect(missing.error?.message).toBe('Lightening: Entity not found.');
		expect(missing.error?.httpCode).toBe('404');
		const ignored = await run({ operation: 'delete', contactId: '4', ignoreNotFound: true });
		expect(ignored.items[0].json).toMatchObject({ id: '4', deleted: false });
	});

	it('create or update: updates the contact with that email in the customer, else creates', async () => {
		const updated = await run({
			operation: 'upsert',
			customerId: '1',
			matchEmail: 'CONTACT2@acme.example',
			name: 'Second',
		});
		expect(updated.items[0].json).toMatchObject({ id: '2', _upsert: 'updated' });
		expect(env.api.contacts.get('2')?.name).toBe('Second');
		const created = await run({
			operation: 'upsert',
			customerId: '1',
			matchEmail: 'new@acme.example',
			name: 'Newbie',
		});
		expect(created.items[0].json._upsert).toBe('created');
		expect(
			[...env.api.contacts.values()].filter((c) => c.email === 'new@acme.example'),
		).toHaveLength(1);
	});

	it('a wrong Authorization fails clearly (inside a 200) and never shows the token', async () => {
		const result = await run(
			{ operation: 'getAll', customerIds: '1', returnAll: true },
			{ credentials: credentials('wrong-token-abcdef') },
		);
		expect(result.error?.message).toBe('Lightening: Not authorized.');
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('wrong-token-abcdef');
	});

	it('continueOnFail: good and bad items each paired', async () => {
		const result = await run(
			{ operation: 'create', customerId: '1', name: '={{ $json.name }}' },
			{ continueOnFail: true, input: [{ name: 'A' }, { name: 'x'.repeat(70) }, { name: 'C' }] },
		);
		expect(result.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(env.sim.log.count('/contact', 'POST')).toBe(2);
	});
});

env.describe('Lightening Trigger', () => {
	const poller = (event = 'createdOrUpdated') =>
		createPoller({
			node: new LighteningTrigger(),
			credentialTypes: [new LighteningCredential()],
			credentials: credentials(),
			parameters: { customerIds: '1', event } as INodeParameters,
		});

	it('emits nothing on activation, then new and updated contacts once each', async () => {
		const p = poller();
		expect(await p.poll()).toBeNull();
		expect(await p.poll()).toBeNull();
		const fresh = env.api.insert({ customer_id: 1, name: 'Fresh' }, Date.now() + 2000);
		const first = await p.poll();
		expect(first?.[0].map((i) => [i.json.id, i.json._event])).toEqual([[fresh.id, 'created']]);
		expect(await p.poll()).toBeNull();
		const old = env.api.contacts.get('1')!;
		old.updated_at = lighteningDate(Date.now() + 5000);
		const second = await p.poll();
		expect(second?.[0].map((i) => [i.json.id, i.json._event])).toEqual([['1', 'updated']]);
		expect(await p.poll()).toBeNull();
		// another customer's contact is not watched
		env.api.insert({ customer_id: 2, name: 'Elsewhere' }, Date.now() + 9000);
		expect(await p.poll()).toBeNull();
	});

	it('what it emitted stays emitted across n8n restarts', async () => {
		const p = poller();
		expect(await p.poll()).toBeNull();
		for (let round = 1; round <= 3; round++) {
			const fresh = env.api.insert(
				{ customer_id: 1, name: `Round ${round}` },
				Date.now() + round * 2000,
			);
			expect((await p.poll())?.[0].map((i) => i.json.id)).toEqual([fresh.id]);
			p.restart();
			expect(await p.poll()).toBeNull();
		}
	});

	it('filters by event and returns a sample in manual mode', async () => {
		const p = poller('updated');
		await p.poll();
		env.api.insert({ customer_id: 1, name: 'Only created' }, Date.now() + 3000);
		expect(await p.poll()).toBeNull();
		const sample = await poller().poll('manual');
		expect(sample?.[0]).toHaveLength(3);
	});
});
