import { runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

t.describe('CRM.COM Custom API Call', () => {
	it('GETs any path with query parameters and the credential', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			path: '/contacts',
			query: { parameter: [{ name: 'search_value', value: 'contact1@' }] },
		});
		expect(result.error).toBeUndefined();
		expect((result.items[0].json.content as unknown[]).length).toBeGreaterThan(0);
		expect(t.sim.log.all()[0].query).toMatchObject({ search_value: 'contact1@' });
	});

	it('pages through a list with Return All Pages', async () => {
		t.api.seed(0, 300);
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			path: 'activities',
			paginate: true,
			returnAll: true,
			options: { pageSize: 100 },
		});
		expect(result.items).toHaveLength(330);
		// 4 pages; without a total (live) the paginator asks a window of pages at once, so the
		// page after the short last one is asked too
		expect(t.sim.log.count('/activities')).toBe(t.profile === 'live' ? 5 : 4);
	});

	it('POSTs a JSON body and does not re-send it after a lost reply', async () => {
		const contactId = [...t.api.contacts.keys()][0];
		t.sim.inject({ kind: 'resetAfter', method: 'POST' });
		const before = t.api.activities.size;
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: 'activities',
			body: JSON.stringify({
				name: 'raw',
				type_id: 'type-call',
				scheduled_on: { from_date: 1 },
				linked_to: [{ type: 'CONTACT', id: contactId }],
			}),
		});
		expect(result.error?.description).toContain('Outcome unknown');
		expect(t.api.activities.size).toBe(before + 1);
		expect(t.sim.log.count('/activities', 'POST')).toBe(1);
	});

	it.each([
		['https://evil.example.com/x', 'must be a path below the base URL'],
		['/contacts/../users', 'must not contain "." or ".." segments'],
		['/contacts?x=1', 'must not contain "?"'],
	])('refuses the path %s', async (path, message) => {
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			path,
		});
		expect(result.error?.message).toContain(message);
		expect(t.sim.log.count()).toBe(0);
	});

	it('refuses a body that is not JSON', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: 'activities',
			body: '{not json',
		});
		expect(result.error?.message).toBe('Invalid value: "Body (JSON)" is not valid JSON');
		expect(t.sim.log.count()).toBe(0);
	});
});
