import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as contactCard from './actions/contactCard/ContactCard.resource';
import { router } from './actions/router';

export class Cention implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cention',
		name: 'cention',
		icon: { light: 'file:cention.svg', dark: 'file:cention.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create or update contact cards in Cention Contact Center',
		defaults: { name: 'Cention' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'centionApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact Card', value: 'contactCard' }],
				default: 'contactCard',
			},
			...contactCard.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
