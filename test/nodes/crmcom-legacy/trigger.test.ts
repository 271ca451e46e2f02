import type { INodeParameters } from 'n8n-workflow';

import { CrmComLegacyTrigger } from '../../../nodes/CrmComLegacy/CrmComLegacyTrigger.node';
import { createPoller } from '../../harness/harness';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../../simulator/apis/crmcomLegacy';
import { crmNode, useSimulator } from '../../lib/simulator';

const env = useSimulator<CrmComLegacyApi>('crmcomLegacy');

const poller = (parameters: Record<string, unknown> = {}) =>
	createPoller({
		...crmNode(env.sim, 'legacyPassword', { token: '' }),
		node: new CrmComLegacyTrigger(),
		parameters: { provider: LEGACY_DEMO.provider, ...parameters } as INodeParameters,
	});

const ids = async (p: ReturnType<typeof poller>) =>
	((await p.poll()) ?? [[]])[0].map((i) => String(i.json.id));

describe('CRM.COM Legacy Trigger: pending provisioning requests', () => {
	it('no flood on activation, then each new pending request once, across restarts', async () => {
		const p = poller();
		expect(await ids(p)).toEqual([]);
		expect(await ids(p)).toEqual([]);
		env.api.seedProvisioning(2);
		const fresh = env.api.provisioning.slice(-2).map((r) => String(r.id));
		expect(await ids(p)).toEqual(fresh);
		p.restart();
		expect(await ids(p)).toEqual([]);
		// processed requests leave the list; what is still pending is not emitted again
		for (const request of env.api.provisioning.slice(0, 5)) request.state = 'COMPLETED';
		env.api.seedProvisioning(1);
		expect(await ids(p)).toEqual([
			String(env.api.provisioning[env.api.provisioning.length - 1].id),
		]);
		expect(await ids(p)).toEqual([]);
	});

	it('reads a list longer than one call (50) by offset, and a backlog over its page budget', async () => {
		const p = poller({ options: { maxPages: 1 } });
		env.api.seedProvisioning(80);
		expect(await ids(p)).toEqual([]);
		const calls = env.sim.log.find('get_pending', 'GET').length;
		expect(calls).toBe(2);
		env.api.seedProvisioning(3);
		// 95 known pending requests: a poll of one page (50) reads none of the new ones yet
		expect(await ids(p)).toEqual([]);
		for (const request of env.api.provisioning.slice(0, 60)) request.state = 'COMPLETED';
		expect((await ids(p)).length).toBe(3);
	});

	it('returns a sample in manual mode without touching its state', async () => {
		const p = poller();
		const sample = await p.poll('manual');
		expect(sample?.[0]).toHaveLength(3);
		expect(sample?.[0][0].json._event).toBe('pending');
		expect(p.staticData).toEqual({});
	});

	it('refuses a provider code that would change the query, before any request', async () => {
		const p = poller({ provider: 'GP1&x=1' });
		await expect(p.poll()).rejects.toThrow('Provider Alternative Code');
		expect(env.sim.log.all()).toHaveLength(0);
	});
});

env.describe('CRM.COM Legacy Trigger: Simplify', () => {
	it('is off by default (saved triggers keep their output); on, each request is simplified', async () => {
		const raw = await poller().poll('manual');
		expect(raw?.[0][0].json).toEqual({ ...env.api.provisioning[0], _event: 'pending' });
		const simple = await poller({ simplify: true }).poll('manual');
		expect(simple?.[0].map((i) => i.json)).toEqual(
			env.api.provisioning.slice(0, 3).map((r) => ({
				id: r.id,
				action: 'ACTIVATE',
				state: 'PENDING',
				provider: LEGACY_DEMO.provider,
				created_date: null,
				_event: 'pending',
			})),
		);
		const p = poller({ simplify: true });
		expect(await ids(p)).toEqual([]);
		env.api.seedProvisioning(1);
		const [[item]] = (await p.poll()) ?? [[]];
		expect(Object.keys(item.json).sort()).toEqual(
			['action', 'created_date', 'id', 'provider', 'state', '_event'].sort(),
		);
	});
});
