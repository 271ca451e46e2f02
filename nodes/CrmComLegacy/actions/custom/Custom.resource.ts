import type { INodeProperties } from 'n8n-workflow';

import * as apiCall from './apiCall.operation';

export { apiCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'Custom API Call',
				value: 'apiCall',
				action: 'Make a custom API call',
				description: 'Call any entity/action of the API with the token, envelope checks and paging',
			},
		],
		default: 'apiCall',
	},
	...apiCall.description,
];
