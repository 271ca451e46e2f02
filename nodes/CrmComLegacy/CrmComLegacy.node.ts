import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as contactInformation from './actions/contactInformation/ContactInformation.resource';
import * as custom from './actions/custom/Custom.resource';
import * as provisioningRequest from './actions/provisioningRequest/ProvisioningRequest.resource';
import { router } from './actions/router';

export class CrmComLegacy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM.COM Legacy',
		name: 'crmComLegacy',
		icon: { light: 'file:crmcomLegacy.svg', dark: 'file:crmcomLegacy.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with contact information and provisioning requests in the CRM.COM REST v2 API',
		defaults: { name: 'CRM.COM Legacy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crmComLegacyApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact Information', value: 'contactInformation' },
					{ name: 'Custom API Call', value: 'custom' },
					{ name: 'Provisioning Request', value: 'provisioningRequest' },
				],
				default: 'contactInformation',
			},
			...contactInformation.description,
			...custom.description,
			...provisioningRequest.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
