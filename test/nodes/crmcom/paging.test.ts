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
		expect(some.items.map((i) => i.json.id)).toEqual(
			all.items.slice(0, 260).map((i) => i.json.id),
		);
	});
});
