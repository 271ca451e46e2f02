import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { crmNode } from '../../harness/crmNodes';
import { executeNode, type NodeRunSpec } from '../../harness/harness';
import { useSimulator } from '../../lib/simulator';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../../simulator/apis/crmcomBackoffice';
import type { Simulator } from '../../simulator/server';

/** The shared simulator set-up (test/lib/simulator.ts) for the CRM.COM files. */
export function useCrmCom() {
	return useSimulator<CrmComBackofficeApi>('crmcom');
}

export function apiKeyCredentials(sim: Simulator, apiKey = CRMCOM_DEMO.apiKey) {
	const { crmComApi } = crmNode(sim, 'crmcom', { apiKey }).credentials ?? {};
	return { crmComApi: crmComApi as ICredentialDataDecryptedObject };
}

export function userCredentials(
	sim: Simulator,
	password = CRMCOM_DEMO.password,
	overrides: IDataObject = {},
) {
	const { crmComUserApi } =
		crmNode(sim, 'crmcomUser', { password, ...overrides }).credentials ?? {};
	return { crmComUserApi: crmComUserApi as ICredentialDataDecryptedObject };
}

/** Runs the CRM.COM node with the API key credential (or `extra.credentials`). */
export async function runCrmCom(
	sim: Simulator,
	parameters: IDataObject,
	extra: Partial<NodeRunSpec> = {},
) {
	return await executeNode({
		...crmNode(sim, 'crmcom'),
		credentialTypes: [new CrmComApi(), new CrmComUserApi()],
		parameters: parameters as INodeParameters,
		...extra,
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * The node's error message for a CRM.COM error body: its `message`, or (under the `live`
 * profile, where errors carry `message: null`) its `error` code.
 */
export const crmError = (env: { profile: string }, message: string, code: string) =>
	`CRM.COM: ${env.profile === 'live' ? code : message}`;
