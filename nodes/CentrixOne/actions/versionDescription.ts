import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/operations';
import * as contact from './contact/Contact.resource';
import * as custom from './custom/Custom.resource';
import * as list from './list/List.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as revenueType from './revenueType/RevenueType.resource';
import * as user from './user/User.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'centrixOneApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = resourceProperties(
	[contact, custom, list, opportunity, revenueType, user],
	'contact',
);
