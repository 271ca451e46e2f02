import { byId, crmError, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();
const firstContact = () => [...t.api.contacts.keys()][0];

t.describe('CRM.COM activity', () => {
	it('creates an activity with the exact documented body', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'create',
			contactId: byId(firstContact()),
			name: 'Call customer',
			typeId: 'type-call',
			scheduledFrom: '2026-03-01T09:00:00Z',
			additionalFields: {
				description: 'After 4pm',
				scheduledTo: '2026-03-01T10:00:00Z',
				assignToUserId: 'user-1',
				linkedTo: { entity: [{ type: 'ORDER', id: 'order-9' }] },
				customFields: { field: [{ key: 'back_office', value: '0001' }] },
			},
		});
		expect(result.error).toBeUndefined();
		const [post] = t.sim.log.find('/activities', 'POST');
		expect(post.body).toEqual({
			name: 'Call customer',
			type_id: 'type-call',
			description: 'After 4pm',
			scheduled_on: { from_date: 1772355600, to_date: 1772359200 },
			linked_to: [
				{ type: 'CONTACT', id: firstContact() },
				{ type: 'ORDER', id: 'order-9' },
			],
			assign_to: { user_id: 'user-1' },
			custom_fields: [{ key: 'back_office', value: '0001' }],
		});
		expect(result.items[0].json.id).toBeDefined();
		expect(t.api.activities.get(result.items[0].json.id as string)?.name).toBe('Call customer');
	});

	it.each([
		[{ name: '={{ "  " }}' }, 'Invalid value: "Name" must not be empty'],
		[{ name: '={{ null }}' }, 'Invalid value: "Name" is required'],
		[{ name: '' }, 'Parameter "Name" is required.'],
		[{ typeId: '={{ "" }}' }, 'Invalid value: "Activity Type ID" must not be empty'],
		[{ scheduledFrom: 'not a date' }, 'Invalid value: "Scheduled From" must be a date and time'],
		[{ contactId: byId('={{ "" }}') }, 'Invalid value: "Contact" must not be empty'],
		[{ contactId: byId('={{ ".." }}') }, 'Invalid value: "Contact" cannot be "." or ".."'],
		[
			{ additionalFields: { scheduledTo: '2020-01-01T00:00:00Z' } },
			'Invalid value: "Scheduled To" must be after "Scheduled From"',
		],
		[
			{ additionalFields: { addressId: 'a1', useEntityAddress: true } },
			'Invalid value: "Address ID" cannot be combined with "Use Entity Address"',
		],
		[
			{ additionalFields: { linkedTo: { entity: [{ type: 'ORDER', id: '' }] } } },
			'Invalid value: "Also Linked To → 0.id" must not be empty',
		],
	])('rejects bad input %j before sending anything', async (patch, message) => {
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'create',
			contactId: byId(firstContact()),
			name: 'x',
			typeId: 'type-call',
			scheduledFrom: '2026-03-01T09:00:00Z',
			...patch,
		});
		expect(result.error?.message).toContain(message);
		expect(t.sim.log.count()).toBe(0);
	});

	it('gets one activity, simplified or raw', async () => {
		const id = [...t.api.activities.keys()][0];
		const simple = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'get',
			activityId: byId(id),
		});
		expect(Object.keys(simple.items[0].json).sort()).toEqual(
			[
				'completed_on',
				'contact_id',
				'contact_name',
				'created_on',
				'id',
				'name',
				'scheduled_from',
				'scheduled_to',
				'state',
				'type',
			].sort(),
		);
		const raw = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'get',
			activityId: byId(id),
			simplify: false,
		});
		expect(raw.items[0].json.key_dates).toBeDefined();
	});

	it('accepts an activity URL in the resource locator', async () => {
		const id = [...t.api.activities.keys()][2];
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'get',
			activityId: {
				__rl: true,
				mode: 'url',
				value: `https://sandbox.crm.com/backoffice/v2/activities/${id}`,
			},
		});
		expect(result.items[0].json.id).toBe(id);
	});

	it('sends every documented filter of Get Many', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {
				searchValue: 'follow',
				types: 'type-call, type-visit',
				contactId: 'c1',
				serviceRequestId: 'sr1',
				leadId: 'l1',
				orderId: 'o1',
				states: ['PENDING', 'COMPLETED'],
				tagIds: 'tag-vip',
				includeTags: true,
				createdAfter: '2026-01-01T00:00:00Z',
				createdBefore: '2026-02-01T00:00:00Z',
				completedAfter: '2026-01-02T00:00:00Z',
				completedBefore: '2026-02-02T00:00:00Z',
				assignToUserId: 'user-1',
				assignToTeamId: 'team-sales',
				customFields: { field: [{ key: 'k', value: 'v' }] },
				includeCustomFields: true,
				sort: 'NAME',
				order: 'ASC',
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = t.sim.log.find('/activities', 'GET');
		expect(call.query).toEqual({
			search_value: 'follow',
			types: 'type-call,type-visit',
			contact_id: 'c1',
			service_request_id: 'sr1',
			lead_id: 'l1',
			order_id: 'o1',
			states: 'PENDING,COMPLETED',
			tag_ids: 'tag-vip',
			include_tags: 'true',
			'created_on[gte]': '1767225600',
			'created_on[lte]': '1769904000',
			'completed_on[gte]': '1767312000',
			'completed_on[lte]': '1769990400',
			assign_to_user_id: 'user-1',
			assign_to_team_id: 'team-sales',
			custom_fields: 'k;v',
			include_custom_fields: 'true',
			sort: 'NAME',
			order: 'ASC',
			page: '1',
			size: '5',
		});
	});

	it('returns all of 1,230 activities in 5 pages of 250', async () => {
		t.api.seed(0, 1200);
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: { pageSize: 250 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1230);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(1230);
		expect(t.sim.log.count('/activities', 'GET')).toBe(5);
	});

	it.each(['nullTotal', 'noTotal', 'hasMore'] as const)(
		'returns all with paging mode %s',
		async (mode) => {
			t.api.seed(0, 470);
			t.api.pagingMode = mode;
			const result = await runCrmCom(t.sim, {
				resource: 'activity',
				operation: 'getAll',
				returnAll: true,
				// Concurrency 4 as the most in flight: the width starts at 4 and stays there
				options: { pageSize: 100, concurrency: 4 },
			});
			expect(result.items).toHaveLength(500);
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(500);
			// has_more ends exactly; without it, windows of 4 pages stop at the first empty one
			expect(t.sim.log.count('/activities', 'GET')).toBe(mode === 'hasMore' ? 5 : 9);
		},
	);

	it('Limit stops requesting as soon as it has enough', async () => {
		t.api.seed(0, 1000);
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getAll',
			returnAll: false,
			limit: 120,
			options: { pageSize: 50 },
		});
		expect(result.items).toHaveLength(120);
		expect(t.sim.log.count('/activities', 'GET')).toBe(3);
	});

	it('updates the state and fields', async () => {
		const id = [...t.api.activities.values()].find((a) => a.state === 'PENDING')!.id;
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'update',
			activityId: byId(id),
			updateFields: { state: 'COMPLETED', name: 'Done' },
		});
		expect(result.error).toBeUndefined();
		expect(t.sim.log.find('/activities', 'PUT')[0].body).toEqual({
			name: 'Done',
			state: 'COMPLETED',
		});
		expect(t.api.activities.get(id)).toMatchObject({ state: 'COMPLETED', name: 'Done' });
	});

	it('refuses an update with no fields', async () => {
		const id = [...t.api.activities.keys()][0];
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'update',
			activityId: byId(id),
			updateFields: {},
		});
		expect(result.error?.message).toBe(
			'Invalid value: "Update Fields" needs at least one field to change',
		);
		expect(t.sim.log.count()).toBe(0);
	});

	it('deletes, and reports a missing activity as the CRM says', async () => {
		const id = [...t.api.activities.keys()][0];
		const ok = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'delete',
			activityId: byId(id),
		});
		expect(ok.items[0].json).toEqual({ id, deleted: true });
		expect(t.api.activities.has(id)).toBe(false);
		const again = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'delete',
			activityId: byId(id),
		});
		expect(again.error?.message).toBe(
			crmError(t, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION'),
		);
		expect(again.error?.httpCode).toBe('404');
	});

	it('sets and gets tags', async () => {
		const id = [...t.api.activities.keys()][0];
		await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'setTags',
			activityId: byId(id),
			tagIds: 'tag-vip, tag-maint',
		});
		expect(t.sim.log.find('/tags', 'PUT')[0].body).toEqual({ tags: ['tag-vip', 'tag-maint'] });
		const tags = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'getTags',
			activityId: byId(id),
		});
		expect(tags.items.map((i) => i.json.name)).toEqual(['VIP', 'Maintenance']);
	});

	it('continueOnFail: good and bad items, each paired', async () => {
		const result = await runCrmCom(
			t.sim,
			{
				resource: 'activity',
				operation: 'create',
				contactId: byId('={{ $json.contact }}'),
				name: '={{ $json.name }}',
				typeId: 'type-call',
				scheduledFrom: '2026-03-01T09:00:00Z',
			},
			{
				continueOnFail: true,
				input: [
					{ contact: firstContact(), name: 'ok 1' },
					{ contact: firstContact(), name: '' },
					{ contact: 'missing-contact', name: 'unknown contact' },
					{ contact: firstContact(), name: 'ok 2' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[1].json.error).toBe('Invalid value: "Name" must not be empty');
		expect(result.items[2].json.error).toBe(
			crmError(t, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION'),
		);
		expect(result.items[0].json.id).toBeDefined();
		expect(result.items[3].json.id).toBeDefined();
		expect(t.sim.log.count('/activities', 'POST')).toBe(3);
	});

	it('creates 40 activities 4 at a time, in order, and retries a 429 without duplicating', async () => {
		t.sim.inject({ kind: 'status429', count: 3, retryAfter: 0, method: 'POST' });
		const input = Array.from({ length: 40 }, (_, k) => ({ name: `Bulk ${k}` }));
		const result = await runCrmCom(
			t.sim,
			{
				resource: 'activity',
				operation: 'create',
				contactId: byId(firstContact()),
				name: '={{ $json.name }}',
				typeId: 'type-call',
				scheduledFrom: '2026-03-01T09:00:00Z',
				options: { concurrency: 4 },
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => t.api.activities.get(i.json.id as string)?.name)).toEqual(
			input.map((i) => i.name),
		);
		const bulk = [...t.api.activities.values()].filter((a) => a.name.startsWith('Bulk '));
		expect(bulk).toHaveLength(40);
		expect(t.sim.log.maxInFlight).toBeLessThanOrEqual(4);
	});
});
