import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { CrmComTrigger } from '../../../nodes/CrmCom/CrmComTrigger.node';
import { createPoller, NODE_NAME } from '../../harness/harness';
import { apiKeyCredentials, useCrmCom } from './setup';

const t = useCrmCom();

function poller(parameters: Record<string, unknown>) {
	return createPoller({
		node: new CrmComTrigger(),
		credentialTypes: [new CrmComApi(), new CrmComUserApi()],
		credentials: apiKeyCredentials(t.sim),
		parameters: parameters as never,
	});
}

const contactOf = () => [...t.api.contacts.keys()][0];
const add = (name: string, contactId = contactOf()) =>
	t.api.insertActivity({ name, linked_to: [{ type: 'CONTACT', id: contactId }] });

t.describe('CRM.COM Trigger', () => {
	it('activity created: no flood on activation, then each new activity once', async () => {
		add('existing before activation');
		const p = poller({ event: 'activityCreated' });
		expect(await p.poll()).toBeNull();
		expect(await p.poll()).toBeNull();

		const a = add('A');
		const b = add('B');
		const first = await p.poll();
		// both were created within the same second: the API gives no order between them
		expect(first?.[0].map((i) => i.json.name).sort()).toEqual(['A', 'B']);
		expect(first?.[0][0].json._event).toBe('activityCreated');

		expect(await p.poll()).toBeNull();
		const c = add('C');
		const second = await p.poll();
		expect(second?.[0].map((i) => i.json.id)).toEqual([c.id]);
		expect([a.id, b.id]).not.toContain(second?.[0][0].json.id);
		expect(await p.poll()).toBeNull();
	});

	it.each(['activityCreated'])(
		'%s: what it emitted stays emitted across n8n restarts (its cursor is saved each poll)',
		async (event) => {
			const p = poller({ event });
			expect(await p.poll()).toBeNull();
			const complete = (name: string) => {
				const activity = add(name);
				activity.state = 'COMPLETED';
				activity.completed_on = Math.floor(Date.now() / 1000);
				return activity;
			};
			for (let round = 1; round <= 3; round++) {
				const made = complete(`round ${round}`);
				const out = await p.poll();
				expect(out?.[0].map((i) => i.json.id)).toEqual([made.id]);
				// n8n restarts: the workflow comes back with the static data n8n saved
				p.restart();
				expect(await p.poll()).toBeNull();
				expect(p.saved()).toMatchObject({
					[`node:${NODE_NAME}`]: { [event]: { cursor: expect.any(Number) } },
				});
			}
		},
	);

	it('applies its filters', async () => {
		const p = poller({
			event: 'activityCreated',
			filters: { contactId: 'only-this-contact', types: 'type-call' },
		});
		await p.poll();
		expect(t.sim.log.all()[0].query).toMatchObject({
			contact_id: 'only-this-contact',
			types: 'type-call',
		});
	});

	it('returns a real sample in manual mode without touching its state', async () => {
		const p = poller({ event: 'activityCreated' });
		const sample = await p.poll('manual');
		expect(sample?.[0].length).toBe(3);
		expect(sample?.[0][0].json.id).toBeDefined();
		expect(p.staticData).toEqual({});
	});

	it('survives a 503 with Retry-After during a poll', async () => {
		const p = poller({ event: 'activityCreated' });
		await p.poll();
		add('after outage');
		t.sim.inject({ kind: 'status503', retryAfter: 0 });
		const out = await p.poll();
		expect(out?.[0].map((i) => i.json.name)).toEqual(['after outage']);
	});
});

/*
 * Activity Completed under every profile: the docs' list reply has no completion date, and the
 * trigger engine works from the server-side completed_on filter (#17, triggers branch).
 */
t.describe(
	'CRM.COM Trigger, activity completed',
	() => {
		it.each(['activityCompleted'])(
			'%s: what it emitted stays emitted across n8n restarts (its cursor is saved each poll)',
			async (event) => {
				const p = poller({ event });
				expect(await p.poll()).toBeNull();
				const complete = (name: string) => {
					const activity = add(name);
					activity.state = 'COMPLETED';
					activity.completed_on = Math.floor(Date.now() / 1000);
					return activity;
				};
				for (let round = 1; round <= 3; round++) {
					const made = complete(`round ${round}`);
					const out = await p.poll();
					expect(out?.[0].map((i) => i.json.id)).toEqual([made.id]);
					// n8n restarts: the workflow comes back with the static data n8n saved
					p.restart();
					expect(await p.poll()).toBeNull();
					expect(p.saved()).toMatchObject({
						[`node:${NODE_NAME}`]: { [event]: { cursor: expect.any(Number) } },
					});
				}
			},
		);

		it('activity completed: emits activities when they complete, once', async () => {
			const p = poller({ event: 'activityCompleted' });
			expect(await p.poll()).toBeNull();
			const pending = [...t.api.activities.values()].find((x) => x.state === 'PENDING')!;
			pending.state = 'COMPLETED';
			pending.completed_on = Math.floor(Date.now() / 1000);
			const out = await p.poll();
			expect(out?.[0].map((i) => i.json.id)).toEqual([pending.id]);
			expect(out?.[0][0].json.state).toBe('COMPLETED');
			expect(await p.poll()).toBeNull();
			const query = t.sim.log.find('/activities', 'GET').pop()?.query;
			expect(query).toMatchObject({ states: 'COMPLETED' });
			expect(query?.['completed_on[gte]']).toBeDefined();
		});
	},
	['docs', 'live', 'classic'],
);
