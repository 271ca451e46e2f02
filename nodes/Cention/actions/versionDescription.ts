import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import * as contactCard from './contactCard/ContactCard.resource';

export const credentials: INodeCredentialDescription[] = [{ name: 'centionApi', required: true }];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Contact Card', value: 'contactCard' }],
		default: 'contactCard',
	},
	...contactCard.description,
];
