import { CENTION_DEMO } from '../simulator/apis/cention';
import { CRMCOM_DEMO } from '../simulator/apis/crmcomBackoffice';
import { LIGHTENING_DEMO } from '../simulator/apis/lightening';
import { LEGACY_DEMO } from '../simulator/apis/crmcomLegacy';
import { CENTRIX_DEMO } from '../simulator/apis/centrixone';
import type { Simulator } from '../simulator/server';
import type { CredentialSpec } from './lib/n8n';

/**
 * One credential per type, pointing at the simulator, with the ids the example workflows use;
 * plus deliberately wrong ones for the failure tests.
 */
export function simulatorCredentials(sim: Simulator): CredentialSpec[] {
	return [
		{
			id: 'crmcomSimApiKey1',
			name: 'CRM.COM (simulator)',
			type: 'crmComApi',
			data: { baseUrl: sim.baseUrl('crmcom'), apiKey: CRMCOM_DEMO.apiKey },
		},
		{
			id: 'crmcomSimUser001',
			name: 'CRM.COM user (simulator)',
			type: 'crmComUserApi',
			data: {
				baseUrl: sim.baseUrl('crmcom'),
				apiKey: CRMCOM_DEMO.apiKey,
				signIn: 'password',
				email: CRMCOM_DEMO.username,
				password: CRMCOM_DEMO.password,
			},
		},
		{
			id: 'centionSim000001',
			name: 'Cention (simulator)',
			type: 'centionApi',
			data: {
				domain: sim.baseUrl('cention'),
				workspace: CENTION_DEMO.workspace,
				accessToken: CENTION_DEMO.jwt,
			},
		},
		{
			id: 'lighteningSim001',
			name: 'Lightening (simulator)',
			type: 'lighteningApi',
			data: {
				baseUrl: sim.baseUrl('lightening'),
				authorizationToken: LIGHTENING_DEMO.authorization,
			},
		},
		{
			id: 'crmcomLegacySim1',
			name: 'CRM.COM Legacy (simulator)',
			type: 'crmComLegacyApi',
			data: {
				server: `${sim.url}/crmcom-legacy`,
				authType: 'password',
				username: LEGACY_DEMO.username,
				password: LEGACY_DEMO.password,
				organisation: LEGACY_DEMO.organisation,
			},
		},
		{
			id: 'centrixoneSim001',
			name: 'CentrixOne (simulator)',
			type: 'centrixOneApi',
			data: {
				baseUrl: sim.baseUrl('centrixone'),
				account: CENTRIX_DEMO.account,
				apiKey: CENTRIX_DEMO.apiKey,
			},
		},
	];
}

export const WRONG_CRMCOM_KEY = 'wrong-crmcom-key-e2e-5150';

export function failingCredentials(sim: Simulator): CredentialSpec[] {
	return [
		{
			id: 'crmcomSimBadKey1',
			name: 'CRM.COM (wrong key)',
			type: 'crmComApi',
			data: { baseUrl: sim.baseUrl('crmcom'), apiKey: WRONG_CRMCOM_KEY },
		},
	];
}
