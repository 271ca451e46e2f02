import type { INodeParameters } from 'n8n-workflow';

import { LighteningApi as LighteningCredential } from '../../../credentials/LighteningApi.credentials';
import { LighteningTrigger } from '../../../nodes/Lightening/LighteningTrigger.node';
import { createPoller } from '../../harness/harness';
import {
	LIGHTENING_DEMO,
	lighteningDate,
	type LighteningApi,
} from '../../simulator/apis/lightening';
import { startSimulator, type Simulator } from '../../simulator/server';

let sim: Simulator;
let api: LighteningApi;
beforeAll(async () => {
	sim = await startSimulator();
	api = sim.api<LighteningApi>('lightening');
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const poller = (event: string) =>
	createPoller({
		node: new LighteningTrigger(),
		credentialTypes: [new LighteningCredential()],
		credentials: {
			lighteningApi: {
				baseUrl: sim.baseUrl('lightening'),
				authorizationToken: LIGHTENING_DEMO.authorization,
			},
		},
		parameters: { customerIds: '1', event, simplify: false } as INodeParameters,
	});

const events = async (p: ReturnType<typeof poller>) =>
	((await p.poll()) ?? [[]])[0].map((i) => [i.json.name, i.json._event]);

describe("Lightening Trigger: changes inside the cursor's own second", () => {
	it.each(['createdOrUpdated', 'created'])(
		'%s: a contact created in the second of the cursor is emitted, once',
		async (event) => {
			const p = poller(event);
			expect(await events(p)).toEqual([]);
			const at = Date.now() + 4000;
			api.insert({ customer_id: 1, name: 'First' }, at);
			expect(await events(p)).toEqual([['First', 'created']]);
			// same second as the cursor now holds
			api.insert({ customer_id: 1, name: 'Second' }, at);
			expect(await events(p)).toEqual([['Second', 'created']]);
			expect(await events(p)).toEqual([]);
		},
	);

	it('a second update inside one second is emitted, once', async () => {
		const p = poller('updated');
		expect(await events(p)).toEqual([]);
		const contact = api.contacts.get('1')!;
		const stamp = lighteningDate(Date.now() + 6000);
		contact.name = 'Renamed once';
		contact.updated_at = stamp;
		expect(await events(p)).toEqual([['Renamed once', 'updated']]);
		contact.name = 'Renamed twice';
		contact.updated_at = stamp;
		expect(await events(p)).toEqual([['Renamed twice', 'updated']]);
		expect(await events(p)).toEqual([]);
	});
});
