import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/operations';
import * as contactInformation from './contactInformation/ContactInformation.resource';
import * as custom from './custom/Custom.resource';
import * as provisioningRequest from './provisioningRequest/ProvisioningRequest.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'crmComLegacyApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = resourceProperties(
	[contactInformation, custom, provisioningRequest],
	'contactInformation',
);
