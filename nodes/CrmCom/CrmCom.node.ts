import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';
import { searchActivities, searchContacts, searchInsights } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

export class CrmCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM.COM',
		name: 'crmCom',
		icon: { light: 'file:crmcom.svg', dark: 'file:crmcom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with contacts, accounts and activities in the CRM.COM Back-Office API',
		defaults: { name: 'CRM.COM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	methods = {
		listSearch: { searchActivities, searchContacts, searchInsights },
		loadOptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
