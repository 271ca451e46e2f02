import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CentionApi as CentionCredential } from '../../credentials/CentionApi.credentials';
import { CentrixOneApi as CentrixCredential } from '../../credentials/CentrixOneApi.credentials';
import { CrmComApi } from '../../credentials/CrmComApi.credentials';
import { CrmComLegacyApi as LegacyCredential } from '../../credentials/CrmComLegacyApi.credentials';
import { CrmComUserApi } from '../../credentials/CrmComUserApi.credentials';
import { LighteningApi as LighteningCredential } from '../../credentials/LighteningApi.credentials';
import { Cention } from '../../nodes/Cention/Cention.node';
import { CentrixOne } from '../../nodes/CentrixOne/CentrixOne.node';
import { CrmCom } from '../../nodes/CrmCom/CrmCom.node';
import { CrmComLegacy } from '../../nodes/CrmComLegacy/CrmComLegacy.node';
import { Lightening } from '../../nodes/Lightening/Lightening.node';
import { CENTION_DEMO } from '../simulator/apis/cention';
import { CENTRIX_DEMO } from '../simulator/apis/centrixone';
import { CRMCOM_DEMO } from '../simulator/apis/crmcomBackoffice';
import { LEGACY_DEMO } from '../simulator/apis/crmcomLegacy';
import { LIGHTENING_DEMO } from '../simulator/apis/lightening';
import type { Simulator } from '../simulator/server';
import type { NodeRunSpec } from './harness';

/** Each node with one of its credentials, pointing at the simulator with the demo secrets. */
export type CrmNodeSetup =
	| 'crmcom'
	| 'crmcomUser'
	| 'centrixone'
	| 'cention'
	| 'lightening'
	| 'legacyPassword'
	| 'legacyWebApiKey';

/**
 * The node, its credential type and credential data for a run against the simulator;
 * `overrides` replace credential fields (a wrong secret, a bad base URL).
 */
export function crmNode(
	sim: Simulator,
	setup: CrmNodeSetup,
	overrides: IDataObject = {},
): Pick<NodeRunSpec, 'node' | 'credentialTypes' | 'credentials'> {
	const data = (type: string, fields: IDataObject) => ({
		[type]: { ...fields, ...overrides } as ICredentialDataDecryptedObject,
	});
	switch (setup) {
		case 'crmcom':
			return {
				node: new CrmCom(),
				credentialTypes: [new CrmComApi()],
				credentials: data('crmComApi', {
					baseUrl: sim.baseUrl('crmcom'),
					apiKey: CRMCOM_DEMO.apiKey,
				}),
			};
		case 'crmcomUser':
			return {
				node: new CrmCom(),
				credentialTypes: [new CrmComUserApi()],
				credentials: data('crmComUserApi', {
					baseUrl: sim.baseUrl('crmcom'),
					apiKey: CRMCOM_DEMO.apiKey,
					signIn: 'password',
					email: CRMCOM_DEMO.username,
					password: CRMCOM_DEMO.password,
					accessToken: '',
				}),
			};
		case 'centrixone':
			return {
				node: new CentrixOne(),
				credentialTypes: [new CentrixCredential()],
				credentials: data('centrixOneApi', {
					baseUrl: sim.baseUrl('centrixone'),
					account: CENTRIX_DEMO.account,
					apiKey: CENTRIX_DEMO.apiKey,
				}),
			};
		case 'cention':
			return {
				node: new Cention(),
				credentialTypes: [new CentionCredential()],
				credentials: data('centionApi', {
					domain: sim.baseUrl('cention'),
					workspace: CENTION_DEMO.workspace,
					accessToken: CENTION_DEMO.jwt,
				}),
			};
		case 'lightening':
			return {
				node: new Lightening(),
				credentialTypes: [new LighteningCredential()],
				credentials: data('lighteningApi', {
					baseUrl: sim.baseUrl('lightening'),
					authorizationToken: LIGHTENING_DEMO.authorization,
				}),
			};
		case 'legacyPassword':
			return {
				node: new CrmComLegacy(),
				credentialTypes: [new LegacyCredential()],
				credentials: data('crmComLegacyApi', {
					server: `${sim.url}/crmcom-legacy`,
					authType: 'password',
					username: LEGACY_DEMO.username,
					password: LEGACY_DEMO.password,
					organisation: LEGACY_DEMO.organisation,
				}),
			};
		case 'legacyWebApiKey':
			return {
				node: new CrmComLegacy(),
				credentialTypes: [new LegacyCredential()],
				credentials: data('crmComLegacyApi', {
					server: `${sim.url}/crmcom-legacy`,
					authType: 'webApiKey',
					webApiKey: LEGACY_DEMO.webApiKey,
				}),
			};
	}
}
