import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';

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
		credentials,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
