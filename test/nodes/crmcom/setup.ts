import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { CrmCom } from '../../../nodes/CrmCom/CrmCom.node';
import { executeNode, type NodeRunSpec } from '../../harness/harness';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../../simulator/apis/crmcomBackoffice';
import { startSimulator, type Simulator } from '../../simulator/server';

/** One simulator per test file, reset before each test. */
export function useCrmCom() {
	const ctx = {} as { sim: Simulator; api: CrmComBackofficeApi };
	beforeAll(async () => {
		ctx.sim = await startSimulator();
		ctx.api = ctx.sim.api<CrmComBackofficeApi>('crmcom');
	});
	afterAll(async () => await ctx.sim.stop());
	beforeEach(() => ctx.sim.reset());
	return ctx;
}

export function apiKeyCredentials(sim: Simulator, apiKey = CRMCOM_DEMO.apiKey) {
	return { crmComApi: { baseUrl: sim.baseUrl('crmcom'), apiKey } };
}

export function userCredentials(sim: Simulator, password = CRMCOM_DEMO.password) {
	return {
		crmComUserApi: {
			baseUrl: sim.baseUrl('crmcom'),
			apiKey: CRMCOM_DEMO.apiKey,
			signIn: 'password',
			email: CRMCOM_DEMO.username,
			password,
			accessToken: '',
		},
	};
}

/** Runs the CRM.COM node with the API key credential (or `extra.credentials`). */
export async function runCrmCom(
	sim: Simulator,
	parameters: IDataObject,
	extra: Partial<NodeRunSpec> = {},
) {
	return await executeNode({
		node: new CrmCom(),
		credentialTypes: [new CrmComApi(), new CrmComUserApi()],
		credentials: apiKeyCredentials(sim),
		parameters: parameters as INodeParameters,
		...extra,
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
