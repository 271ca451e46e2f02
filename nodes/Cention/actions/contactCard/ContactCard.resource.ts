import type { INodeProperties } from 'n8n-workflow';

import * as upsert from './upsert.operation';

export { upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactCard'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact card',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
];
