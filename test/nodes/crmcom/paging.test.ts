import { MAX_PAGE_SIZE } from '../../../nodes/CrmCom/transport';
import { runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

/** The `size` of every activities list request, in the order they were sent. */
const sizesSent = () =>
	t.sim.log
		.find('/activities', 'GET')
		.map((entry) => Number(entry.query.size))
		.sort((a, b) => a - b);

const getAll = (extra: Record<string, unknown>) => ({
	resource: 'activity',
	operation: 'getAll',
	simplify: false,
	...extra,
});

t.describe('CRM.COM paging: as few requests as the API allows', () => {
	it('Return All asks for pages of 250 (the largest the API accepts) by default', async () => {
		t.api.seed(0, 1200); // 1,230 with the demo data: 5 pages
		const result = await runCrmCom(t.sim, getAll({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1230);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(1230);
		expect(MAX_PAGE_SIZE).toBe(250);
		expect(sizesSent()).toEqual([250, 250, 250, 250, 250]);
	});

	it('a page size set in Options is still honoured', async () => {
		t.api.seed(0, 470);
		const result = await runCrmCom(t.sim, getAll({ returnAll: true, options: { pageSize: 100 } }));
		expect(result.items).toHaveLength(500);
		expect(sizesSent().every((size) => size === 100)).toBe(true);
	});

	it.each([
		// limit, sizes sent: the fewest pages, split evenly, never more than pages - 1 extra
		[50, [50]],
		[250, [250]],
		[260, [130, 130]],
		[501, [167, 167, 167]],
		[1000, [250, 250, 250, 250]],
	])('Limit %i asks for %j', async (limit, sizes) => {
		t.api.seed(0, 1200);
		const result = await runCrmCom(t.sim, getAll({ returnAll: false, limit }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(limit);
		const ids = result.items.map((i) => i.json.id);
		expect(new Set(ids).size).toBe(limit);
		expect(sizesSent()).toEqual(sizes);
		const asked = sizes.reduce((a, b) => a + b, 0);
		expect(asked - limit).toBeLessThan(sizes.length);
	});

	it('Limit returns the same records, in the same order, as Return All starts with', async () => {
		t.api.seed(0, 600);
		const all = await runCrmCom(t.sim, getAll({ returnAll: true }));
		const some = await runCrmCom(t.sim, getAll({ returnAll: false, limit: 260 }));
		expect(some.items.map((i) => i.json.id)).toEqual(all.items.slice(0, 260).map((i) => i.json.id));
	});
});

t.describe('CRM.COM under a concurrency rate limit (429 above 6 in flight)', () => {
	afterEach(() => {
		t.sim.latencyMs = 0;
	});

	it('Return All at Concurrency 16 settles under the limit: every record once, in order', async () => {
		t.api.seed(0, 4970); // 5,000 with the demo data: 20 pages of 250
		const expected = await runCrmCom(
			t.sim,
			getAll({ returnAll: true, options: { pageSize: 250 } }),
		);
		t.sim.log.clear();
		t.sim.latencyMs = 20;
		t.sim.rateLimit = { maxInFlight: 6, retryAfterS: 0 };
		const result = await runCrmCom(
			t.sim,
			getAll({ returnAll: true, options: { concurrency: 16 } }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(expected.items.map((i) => i.json.id));
		const served = t.sim.log.find('/activities', 'GET').filter((e) => e.status !== 429);
		const pages = served.map((e) => Number(e.query.page));
		// each page served once (without a total, windows may ask a few empty pages past the end)
		expect(new Set(pages).size).toBe(pages.length);
		expect(pages.filter((p) => p <= 20).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 20 }, (_, k) => k + 1),
		);
		// a fixed width of 16 would have 10 of every window answered 429; the controller
		// halves at the first ones and grows back by one per window
		expect(t.sim.log.rateLimited).toBeLessThanOrEqual(8);
	});

	it('100 creates at Concurrency 16: none lost, none written twice, output in input order', async () => {
		const before = t.api.activities.size;
		t.sim.latencyMs = 20;
		t.sim.rateLimit = { maxInFlight: 6, retryAfterS: 0 };
		const contactId = [...t.api.contacts.keys()][0];
		const names = Array.from({ length: 100 }, (_, k) => `Call ${k}`);
		const result = await runCrmCom(
			t.sim,
			{
				resource: 'activity',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: contactId },
				name: '={{ $json.name }}',
				typeId: 'type-call',
				scheduledFrom: '2026-03-01T09:00:00Z',
				options: { concurrency: 16 },
			},
			{ input: names.map((name) => ({ json: { name } })) },
		);
		expect(result.error).toBeUndefined();
		// each output item is the activity made from its own input item
		expect(result.items.map((i) => t.api.activities.get(String(i.json.id))?.name)).toEqual(names);
		expect(result.items.map((i) => i.pairedItem)).toEqual(names.map((_n, k) => ({ item: k })));
		const stored = [...t.api.activities.values()]
			.map((a) => a.name)
			.filter((n) => /^Call \d+$/.test(n));
		expect(stored.sort()).toEqual([...names].sort());
		expect(t.api.activities.size).toBe(before + 100);
		expect(t.sim.log.rateLimited).toBeGreaterThan(0);
		expect(t.sim.log.rateLimited).toBeLessThan(40);
	});
});
