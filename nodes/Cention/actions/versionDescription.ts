import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperty } from '../../shared/operations';
import * as contactCard from './contactCard/ContactCard.resource';

export const credentials: INodeCredentialDescription[] = [{ name: 'centionApi', required: true }];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	resourceProperty([{ name: 'Contact Card', value: 'contactCard' }], 'contactCard'),
	...contactCard.description,
];
