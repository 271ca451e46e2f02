import type { INodeProperties } from 'n8n-workflow';

import * as getPending from './getPending.operation';

export { getPending };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['provisioningRequest'] } },
		options: [
			{ name: 'Get Pending', value: 'getPending', action: 'Get pending provisioning requests' },
		],
		default: 'getPending',
	},
	...getPending.description,
];
