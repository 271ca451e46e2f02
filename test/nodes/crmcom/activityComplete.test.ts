import { byId, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

t.describe('CRM.COM activity: Complete (the operation added by the README recipe)', () => {
	it('sends PUT /activities/{id} with the state only and returns the reply', async () => {
		const id = [...t.api.activities.values()].find((a) => a.state === 'PENDING')!.id;
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'complete',
			activityId: byId(id),
		});
		expect(result.error).toBeUndefined();
		const puts = t.sim.log.find('/activities', 'PUT');
		expect(puts).toHaveLength(1);
		expect(puts[0].body).toEqual({ state: 'COMPLETED' });
		expect(t.api.activities.get(id)).toMatchObject({ state: 'COMPLETED' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses an empty activity id before sending anything', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'activity',
			operation: 'complete',
			activityId: byId(''),
		});
		expect(result.error?.message).toContain('Parameter "Activity" is required');
		expect(t.sim.log.count()).toBe(0);
	});
});
