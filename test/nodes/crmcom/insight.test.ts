import { byId, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

t.describe('CRM.COM analytics', () => {
	it('gets analytics for the organisation and for a contact', async () => {
		const org = await runCrmCom(t.sim, {
			resource: 'analytics',
			operation: 'getForOrganisation',
			organisationId: 'org-1',
		});
		expect(org.items[0].json).toMatchObject({ id: 'org-1', contacts: 12 });
		expect(t.sim.log.all()[0].path).toBe('/crmcom/backoffice/v2/organisations/org-1/analytics');
		const contactId = [...t.api.contacts.keys()][0];
		const one = await runCrmCom(t.sim, {
			resource: 'analytics',
			operation: 'getForContact',
			contactId: byId(contactId),
		});
		expect(one.items[0].json).toMatchObject({ id: contactId, contacts: 1 });
	});

	it('encodes an organisation id so it cannot reach another endpoint', async () => {
		await runCrmCom(t.sim, {
			resource: 'analytics',
			operation: 'getForOrganisation',
			organisationId: 'a/../../contacts',
		});
		expect(t.sim.log.all()[0].url).toBe(
			'/crmcom/backoffice/v2/organisations/a%2F..%2F..%2Fcontacts/analytics',
		);
	});
});

t.describe('CRM.COM insights', () => {
	it('creates, lists, updates, adds events/filters/breakdowns, previews, exports, reads results, deletes', async () => {
		const created = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'create',
			name: 'Marketing customers',
			description: 'Own an account',
		});
		expect(t.sim.log.find('/insights', 'POST')[0].body).toEqual({
			name: 'Marketing customers',
			description: 'Own an account',
		});
		const id = String(created.items[0].json.id);
		const many = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'getAll',
			returnAll: true,
		});
		expect(many.items.map((i) => i.json.id)).toEqual([id]);
		await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'update',
			insightId: id,
			updateFields: { name: 'Renamed' },
		});
		expect(t.api.insights.get(id)?.name).toBe('Renamed');
		for (const [operation, key] of [
			['addEvents', 'events'],
			['addFilters', 'filters'],
			['addBreakdowns', 'breakdowns'],
		] as const) {
			await runCrmCom(t.sim, {
				resource: 'insight',
				operation,
				insightId: id,
				body: JSON.stringify({ type: key }),
			});
			expect(t.api.insights.get(id)?.[key]).toEqual([{ type: key }]);
		}
		const results = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'getResults',
			insightId: id,
		});
		expect(results.items[0].json).toMatchObject({ events: 1, filters: 1, breakdowns: 1 });
		const preview = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'preview',
			insightId: id,
			body: '{}',
		});
		expect(preview.items[0].json.name).toBe('Renamed');
		const exported = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'export',
			insightId: id,
			body: '{"format":"CSV"}',
		});
		expect(exported.items[0].json.status).toBe('QUEUED');
		const got = await runCrmCom(t.sim, { resource: 'insight', operation: 'get', insightId: id });
		expect(got.items[0].json.name).toBe('Renamed');
		const deleted = await runCrmCom(t.sim, {
			resource: 'insight',
			operation: 'delete',
			insightId: id,
		});
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		expect(t.api.insights.size).toBe(0);
	});

	it.each([
		[{ operation: 'create', name: '={{ "" }}' }, 'Invalid value: "Name" must not be empty'],
		[
			{ operation: 'addEvents', insightId: 'x', body: 'not json' },
			'Invalid value: "Body (JSON)" must be a JSON object or list',
		],
		[
			{ operation: 'update', insightId: 'x', updateFields: {} },
			'Invalid value: "Update Fields" needs at least one field to change',
		],
		[
			{ operation: 'get', insightId: '={{ ".." }}' },
			'Invalid value: "Insight ID" cannot be "." or ".."',
		],
	])('rejects %j before sending', async (params, message) => {
		const result = await runCrmCom(t.sim, { resource: 'insight', ...params });
		expect(result.error?.message).toBe(message);
		expect(t.sim.log.count()).toBe(0);
	});
});
