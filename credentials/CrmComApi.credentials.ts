import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SECURE_BASE_URL } from './secureUrl';

export class CrmComApi implements ICredentialType {
	name = 'crmComApi';

	displayName = 'CRM.COM API';

	icon: Icon = {
		light: 'file:icons/crmcom.svg',
		dark: 'file:icons/crmcom.dark.svg',
	};

	documentationUrl = 'https://github.com/crm-pack/n8n-nodes-crm-pack#crmcom-back-office';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://sandbox.crm.com/backoffice/v2',
			placeholder: 'https://sandbox.crm.com/backoffice/v2',
			description: "Your tenant's Back-Office API URL (https)",
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The secret API key, sent in the api_key header',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				api_key: '={{$credentials.apiKey}}',
			},
		},
	};

	/** A read of one record of a documented list (contacts are not in the docs). */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${SECURE_BASE_URL('baseUrl')}`,
			disableFollowRedirect: true,
			url: '/activities',
			qs: { page: 1, size: 1 },
		},
	};
}
