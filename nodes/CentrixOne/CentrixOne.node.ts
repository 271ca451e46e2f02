import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';
import { getLists, getUsers } from './methods/loadOptions';
import { searchContacts } from './methods/listSearch';

export class CentrixOne implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CentrixOne',
		name: 'centrixOne',
		icon: { light: 'file:centrixone.svg', dark: 'file:centrixone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write CentrixOne contacts (in batches), opportunities, lists, users and revenue types',
		defaults: { name: 'CentrixOne' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	methods = { loadOptions: { getLists, getUsers }, listSearch: { searchContacts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
