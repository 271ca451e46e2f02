import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import { CrmComApi } from '../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../credentials/CrmComUserApi.credentials';
import { LighteningApi as LighteningCredential } from '../../credentials/LighteningApi.credentials';
import { CrmComTrigger } from '../../nodes/CrmCom/CrmComTrigger.node';
import { LighteningTrigger } from '../../nodes/Lightening/LighteningTrigger.node';
import { createPoller, NODE_NAME } from '../harness/harness';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import { LIGHTENING_DEMO, lighteningDate, type LighteningApi } from '../simulator/apis/lightening';
import { startSimulator, type Simulator } from '../simulator/server';

/**
 * The real triggers, through n8n-core's poll path, against the simulator: generated changes
 * between polls (creates in the past and in the same second, deletes, completions, same-second
 * updates), small pages and page budgets, n8n restarts. Each change is emitted exactly once.
 */
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.stop());

type Step =
	| { kind: 'create'; ago: number }
	| { kind: 'delete'; pick: number }
	| { kind: 'complete'; pick: number }
	| { kind: 'update'; pick: number; sameSecond: boolean }
	| { kind: 'poll'; restart: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('create' as const), ago: fc.integer({ min: 0, max: 20 }) }),
	fc.record({ kind: fc.constant('create' as const), ago: fc.constant(0) }),
	fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
	fc.record({
		kind: fc.constant('update' as const),
		pick: fc.nat(),
		sameSecond: fc.boolean(),
	}),
	fc.record({ kind: fc.constant('poll' as const), restart: fc.boolean() }),
);

describe('real triggers against the simulator: each change emitted exactly once', () => {
	it.each(['activityCreated', 'activityCompleted'])('CRM.COM Trigger, %s', async (event) => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(stepArb, { minLength: 1, maxLength: 25 }),
				fc.integer({ min: 1, max: 3 }),
				fc.integer({ min: 1, max: 3 }),
				async (steps, pageSize, maxPages) => {
					sim.reset();
					const api = sim.api<CrmComBackofficeApi>('crmcom');
					const contact = [...api.contacts.keys()][0];
					const p = createPoller({
						node: new CrmComTrigger(),
						credentialTypes: [new CrmComApi(), new CrmComUserApi()],
						credentials: {
							crmComApi: { baseUrl: sim.baseUrl('crmcom'), apiKey: CRMCOM_DEMO.apiKey },
						},
						parameters: {
							event,
							simplify: false,
							options: { pageSize, maxPages },
						} as INodeParameters,
					});
					const emitted: string[] = [];
					const poll = async () =>
						emitted.push(...((await p.poll()) ?? [[]])[0].map((i) => String(i.json.id)));
					const walking = () =>
						Boolean(
							(
								p.staticData[`node:${NODE_NAME}`] as Record<string, { walk?: unknown }> | undefined
							)?.[event]?.walk,
						);
					// activation, and any backlog it has
					await poll();
					for (let k = 0; k < 100 && walking(); k++) await poll();
					expect(emitted).toEqual([]);
					const changed = new Set<string>();
					const now = () => Math.floor(Date.now() / 1000);
					for (const step of steps) {
						const live = [...api.activities.values()];
						if (step.kind === 'create') {
							const a = api.insertActivity({
								name: 'generated',
								linked_to: [{ type: 'CONTACT', id: contact }],
								created_on: now() - step.ago,
							});
							if (event === 'activityCreated') changed.add(a.id);
						} else if (step.kind === 'delete' && live.length) {
							api.activities.delete(live[step.pick % live.length].id);
						} else if (step.kind === 'complete' || step.kind === 'update') {
							const open = live.filter((a) => a.state !== 'COMPLETED');
							if (!open.length) continue;
							const a = open[step.pick % open.length];
							a.state = 'COMPLETED';
							a.completed_on = now();
							if (event === 'activityCompleted') changed.add(a.id);
						} else if (step.kind === 'poll') {
							if (step.restart) p.restart();
							await poll();
						}
					}
					// the walk in hand ends, then one more walk reads what came during it
					for (let k = 0; k < 200 && walking(); k++) await poll();
					await poll();
					for (let k = 0; k < 200 && walking(); k++) await poll();
					expect(emitted.length).toBe(new Set(emitted).size);
					for (const id of changed) if (api.activities.has(id)) expect(emitted).toContain(id);
					for (const id of emitted) expect(changed.has(id)).toBe(true);
				},
			),
			{ numRuns: 15 },
		);
	});

	it('Lightening Trigger: creates and updates, several inside one second', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (steps) => {
				sim.reset();
				const api = sim.api<LighteningApi>('lightening');
				const p = createPoller({
					node: new LighteningTrigger(),
					credentialTypes: [new LighteningCredential()],
					credentials: {
						lighteningApi: {
							baseUrl: sim.baseUrl('lightening'),
							authorizationToken: LIGHTENING_DEMO.authorization,
						},
					},
					parameters: {
						customerIds: '1',
						event: 'createdOrUpdated',
						simplify: false,
					} as INodeParameters,
				});
				const emitted: string[] = [];
				const created: string[] = [];
				const poll = async () => {
					for (const item of ((await p.poll()) ?? [[]])[0]) {
						emitted.push(`${String(item.json.id)}:${String(item.json.name)}`);
						if (item.json._event === 'created') created.push(String(item.json.id));
					}
				};
				await poll();
				expect(emitted).toEqual([]);
				// the trigger's clock may run behind the CRM's: changes are stamped a few seconds ahead
				let version = 0;
				const at = (ahead: number) => Date.now() + 3000 + ahead * 1000;
				const last = new Map<string, string>();
				const news = new Set<string>();
				for (const step of steps) {
					const mine = [...api.contacts.values()].filter((c) => c.customer_id === 1);
					if (step.kind === 'create') {
						const c = api.insert({ customer_id: 1, name: `v${version++}` }, at(0));
						last.set(c.id, `${c.id}:${c.name}`);
						news.add(c.id);
					} else if (step.kind === 'update' && mine.length) {
						const c = mine[step.pick % mine.length];
						c.name = `v${version++}`;
						if (!step.sameSecond) c.updated_at = lighteningDate(at(1));
						else if (c.updated_at < lighteningDate(at(0))) c.updated_at = lighteningDate(at(0));
						last.set(c.id, `${c.id}:${c.name}`);
					} else if (step.kind === 'poll') {
						if (step.restart) p.restart();
						await poll();
					}
				}
				await poll();
				await poll();
				// no version twice; every contact's last version emitted; "created" once per new contact
				expect(emitted.length).toBe(new Set(emitted).size);
				for (const v of last.values()) expect(emitted).toContain(v);
				expect(created.length).toBe(new Set(created).size);
				for (const id of created) expect(news.has(id)).toBe(true);
			}),
			{ numRuns: 12 },
		);
	});
});
