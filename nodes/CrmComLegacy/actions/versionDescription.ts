import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperty } from '../../shared/operations';
import * as contactInformation from './contactInformation/ContactInformation.resource';
import * as custom from './custom/Custom.resource';
import * as provisioningRequest from './provisioningRequest/ProvisioningRequest.resource';

export const credentials: INodeCredentialDescription[] = [
	{ name: 'crmComLegacyApi', required: true },
];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	resourceProperty(
		[
			{ name: 'Contact Information', value: 'contactInformation' },
			{ name: 'Custom API Call', value: 'custom' },
			{ name: 'Provisioning Request', value: 'provisioningRequest' },
		],
		'contactInformation',
	),
	...contactInformation.description,
	...custom.description,
	...provisioningRequest.description,
];
