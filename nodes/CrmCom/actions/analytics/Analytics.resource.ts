import type { INodeProperties } from 'n8n-workflow';

import * as getForContact from './getForContact.operation';
import * as getForOrganisation from './getForOrganisation.operation';

export { getForContact, getForOrganisation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{ name: 'Get for Contact', value: 'getForContact', action: 'Get analytics for a contact' },
			{
				name: 'Get for Organisation',
				value: 'getForOrganisation',
				action: 'Get analytics for the organisation',
			},
		],
		default: 'getForOrganisation',
	},
	...getForContact.description,
	...getForOrganisation.description,
];
