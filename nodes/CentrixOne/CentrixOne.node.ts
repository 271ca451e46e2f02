import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as contact from './actions/contact/Contact.resource';
import * as list from './actions/list/List.resource';
import * as opportunity from './actions/opportunity/Opportunity.resource';
import * as revenueType from './actions/revenueType/RevenueType.resource';
import { router } from './actions/router';
import * as user from './actions/user/User.resource';
import { getLists, getUsers } from './methods/loadOptions';

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
		credentials: [{ name: 'centrixOneApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'List', value: 'list' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Revenue Type', value: 'revenueType' },
					{ name: 'User', value: 'user' },
				],
				default: 'contact',
			},
			...contact.description,
			...list.description,
			...opportunity.description,
			...revenueType.description,
			...user.description,
		],
	};

	methods = { loadOptions: { getLists, getUsers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
