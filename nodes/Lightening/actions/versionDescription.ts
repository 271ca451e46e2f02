import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperty } from '../../shared/operations';
import * as contact from './contact/Contact.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'lighteningApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	resourceProperty([{ name: 'Contact', value: 'contact' }], 'contact'),
	...contact.description,
];
