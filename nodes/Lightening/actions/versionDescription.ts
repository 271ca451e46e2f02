import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/operations';
import * as contact from './contact/Contact.resource';
import * as custom from './custom/Custom.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'lighteningApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = resourceProperties([contact, custom], 'contact');
