import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/operations';
import * as account from './account/Account.resource';
import * as activity from './activity/Activity.resource';
import * as analytics from './analytics/Analytics.resource';
import * as contact from './contact/Contact.resource';
import * as custom from './custom/Custom.resource';
import * as insight from './insight/Insight.resource';
import { choiceField } from '../../shared/descriptions';

/** The credentials, gated by the Authentication parameter (its values name them). */
export const credentials: INodeCredentialDescription[] = [
	{
		name: 'crmComApi',
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: 'crmComUserApi',
		required: true,
		displayOptions: { show: { authentication: ['userJwt'] } },
	},
];

/** Which credential the node uses: its values name them (see `credentials`). */
export const authenticationProperty: INodeProperties = choiceField(
	'Authentication',
	'authentication',
	[
		['API Key', 'apiKey'],
		['User Login (JWT)', 'userJwt'],
	],
	'apiKey',
);

/** Authentication, Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	authenticationProperty,
	...resourceProperties([account, activity, analytics, contact, custom, insight], 'activity'),
];
