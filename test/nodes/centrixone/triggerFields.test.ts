import type { INodeParameters } from 'n8n-workflow';

import { CentrixOneApi as CentrixCredential } from '../../../credentials/CentrixOneApi.credentials';
import { CentrixOneTrigger } from '../../../nodes/CentrixOne/CentrixOneTrigger.node';
import { createPoller } from '../../harness/harness';
import { CENTRIX_DEMO, type CentrixOneApi } from '../../simulator/apis/centrixone';
import { useSimulator } from '../../lib/simulator';

const env = useSimulator<CentrixOneApi>('centrixone');

const poller = () =>
	createPoller({
		node: new CentrixOneTrigger(),
		credentialTypes: [new CentrixCredential()],
		credentials: {
			centrixOneApi: {
				baseUrl: env.sim.baseUrl('centrixone'),
				account: CENTRIX_DEMO.account,
				apiKey: CENTRIX_DEMO.apiKey,
			},
		},
		parameters: { event: 'updated', lists: '' } as INodeParameters,
	});

// Last-Modified has one-second resolution
const nextSecond = async () => await new Promise((r) => setTimeout(r, 1100));

env.describe('CentrixOne Trigger sees every field', () => {
	it.each([
		['a sales rep of a list (nested ContactScript record)', { SalesRep1: '7' }],
		['a list field of a ContactScript record', { Status: 'Hot' }],
	])('a change of %s is an update, emitted once', async (_what, change) => {
		const p = poller();
		expect(await p.poll()).toBeNull();
		await nextSecond();
		env.api.store({ ContactScript: [{ ids: 10, ...change }] }, env.api.contacts.get(1004));
		const out = await p.poll();
		expect(out?.[0].map((i) => [i.json.idc, i.json._event])).toEqual([[1004, 'updated']]);
		expect(await p.poll()).toBeNull();
	});
});
