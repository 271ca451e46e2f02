import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import * as contact from './contact/Contact.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'lighteningApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Contact', value: 'contact' }],
		default: 'contact',
	},
	...contact.description,
];
