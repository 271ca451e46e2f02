import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { CentionApi } from '../../../credentials/CentionApi.credentials';
import { CentrixOneApi } from '../../../credentials/CentrixOneApi.credentials';
import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComLegacyApi } from '../../../credentials/CrmComLegacyApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { LighteningApi } from '../../../credentials/LighteningApi.credentials';
import { cention, JSON_API_HEADERS } from '../../../nodes/Cention/transport';
import { centrixRequest } from '../../../nodes/CentrixOne/transport';
import { crmCom } from '../../../nodes/CrmCom/transport';
import { legacy } from '../../../nodes/CrmComLegacy/transport';
import { lightening } from '../../../nodes/Lightening/transport';
import { readRequestSettings, requestOptionsCollection } from '../../../nodes/shared/descriptions';
import { route, toItems } from '../../../nodes/shared/router';

/** Which CRM transport the probe calls, and how. */
export type ProbeCall =
	| 'crmcomKey'
	| 'crmcomUser'
	| 'legacyGet'
	| 'legacyPost'
	| 'lightening'
	| 'centrix'
	| 'cention'
	| 'crmcomDelete';

export const ALL_CREDENTIAL_TYPES: ICredentialType[] = [
	new CentionApi(),
	new CentrixOneApi(),
	new CrmComApi(),
	new CrmComLegacyApi(),
	new CrmComUserApi(),
	new LighteningApi(),
];

/**
 * One request through a CRM's own transport (its URL building and credential), chosen by the
 * `call` parameter: the transport tests drive every credential type through the real layer.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		icon: 'fa:vial',
		group: ['transform'],
		version: 1,
		description: 'Test fixture',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: ALL_CREDENTIAL_TYPES.map((type) => ({ name: type.name, required: false })),
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'probe' },
			{ displayName: 'Operation', name: 'operation', type: 'hidden', default: 'send' },
			{ displayName: 'Call', name: 'call', type: 'string', default: 'crmcomKey' },
			{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'apiKey' },
			requestOptionsCollection(['timeout', 'maxAttempts', 'retryBudget', 'concurrency']),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, {
			probe: {
				send: {
					description: [],
					concurrent: true,
					async execute(this: IExecuteFunctions, i: number) {
						const call = this.getNodeParameter('call', i) as ProbeCall;
						const options = readRequestSettings(this, i).request;
						let body: unknown;
						switch (call) {
							case 'crmcomKey':
							case 'crmcomUser':
								body = await crmCom.request(this, {
									method: 'GET',
									path: 'contacts',
									itemIndex: i,
									options,
								});
								break;
							case 'crmcomDelete':
								body = await crmCom.request(this, {
									method: 'DELETE',
									path: 'activities/a1',
									itemIndex: i,
									options,
								});
								break;
							case 'legacyGet':
								body = await legacy.request(this, {
									method: 'GET',
									path: 'contact_information/list',
									itemIndex: i,
									options,
								});
								break;
							case 'legacyPost':
								body = await legacy.request(this, {
									method: 'POST',
									path: 'contact_information/create',
									body: { name: 'x' },
									itemIndex: i,
									options,
								});
								break;
							case 'lightening':
								body = await lightening.request(this, {
									method: 'GET',
									path: 'contact',
									itemIndex: i,
									options,
								});
								break;
							case 'centrix':
								body = (
									await centrixRequest(this, {
										method: 'GET',
										object: 'Contacts',
										itemIndex: i,
										options,
									})
								).body;
								break;
							case 'cention':
								body = (
									await cention.send(this, {
										method: 'POST',
										path: 'c3_contact_cards',
										body: { data: { type: 'c3_contact_cards' } },
										headers: JSON_API_HEADERS,
										idempotent: true,
										itemIndex: i,
										options,
									})
								).body;
								break;
						}
						return toItems({ body: body as never }, i);
					},
				},
			},
		});
	}
}
