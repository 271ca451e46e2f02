import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperty } from '../../shared/operations';
import * as contact from './contact/Contact.resource';
import * as list from './list/List.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as revenueType from './revenueType/RevenueType.resource';
import * as user from './user/User.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'centrixOneApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	resourceProperty(
		[
			{ name: 'Contact', value: 'contact' },
			{ name: 'List', value: 'list' },
			{ name: 'Opportunity', value: 'opportunity' },
			{ name: 'Revenue Type', value: 'revenueType' },
			{ name: 'User', value: 'user' },
		],
		'contact',
	),
	...contact.description,
	...list.description,
	...opportunity.description,
	...revenueType.description,
	...user.description,
];
