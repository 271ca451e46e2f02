import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, type CrmNodeSetup } from '../harness/crmNodes';
import { executeNode, type NodeRunSpec } from '../harness/harness';
import { startSimulator, type Simulator } from '../simulator/server';
import type { SimApi, SimProfile } from '../simulator/types';

export { crmNode, type CrmNodeSetup };

/**
 * The profiles every node test runs under: the vendor's docs only, and what is known of the
 * live service. A node that works only against our own guess fails one of them.
 */
export const NODE_TEST_PROFILES: readonly SimProfile[] = ['docs', 'live'];

/** What `useSimulator` hands a test file; `sim` and `api` are set once `beforeAll` ran. */
export interface SimulatorEnv<T extends SimApi> {
	sim: Simulator;
	api: T;
	/** The profile of the running describe block. */
	profile: SimProfile;
	/**
	 * A describe block run once per profile (default NODE_TEST_PROFILES), the simulator
	 * switched to that profile first; `body` gets the profile.
	 */
	describe(
		title: string,
		body: (profile: SimProfile) => void,
		profiles?: readonly SimProfile[],
	): void;
	/** Runs a node set up by `crmNode` against this simulator. */
	run(
		setup: CrmNodeSetup,
		parameters: IDataObject,
		extra?: Partial<NodeRunSpec> & { credentialOverrides?: IDataObject },
	): ReturnType<typeof executeNode>;
}

/**
 * One simulator for a test file: started before all tests, stopped after, reset before each
 * test (records and faults; the profile stays). `key` names the API the file is about.
 */
export function useSimulator<T extends SimApi>(key: string): SimulatorEnv<T> {
	const env = { profile: 'classic' } as SimulatorEnv<T>;
	beforeAll(async () => {
		env.sim = await startSimulator();
		env.api = env.sim.api<T>(key);
	});
	afterAll(async () => await env.sim.stop());
	beforeEach(() => env.sim.reset());
	env.describe = (title, body, profiles = NODE_TEST_PROFILES) => {
		describe.each(profiles.map((p) => [p]))(`${title} [%s profile]`, (profile: SimProfile) => {
			beforeAll(() => {
				env.profile = profile;
				env.sim.setProfile(profile);
			});
			afterAll(() => {
				env.profile = 'classic';
				env.sim.setProfile('classic');
			});
			body(profile);
		});
	};
	env.run = async (setup, parameters, extra = {}) => {
		const { credentialOverrides, ...rest } = extra;
		return await executeNode({
			...crmNode(env.sim, setup, credentialOverrides),
			parameters: parameters as INodeParameters,
			...rest,
		});
	};
	return env;
}
