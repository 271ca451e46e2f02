import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';
import { loadOptions } from './methods/loadOptions';
import { searchContacts } from './methods/listSearch';

export class Lightening implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lightening',
		name: 'lightening',
		icon: { light: 'file:lightening.svg', dark: 'file:lightening.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, read, update and delete Lightening contacts',
		defaults: { name: 'Lightening' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	methods = { listSearch: { searchContacts }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
