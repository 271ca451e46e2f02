import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { SECURE_BASE_URL } from './secureUrl';

/**
 * CentrixOne: the account number and API key travel inside the URL path
 * (`/{Object}-{Account}-{APIKey}.awp`), so the node builds every URL itself and keeps it out
 * of every error, output and log.
 */
export class CentrixOneApi implements ICredentialType {
	name = 'centrixOneApi';

	displayName = 'CentrixOne API';

	icon: Icon = { light: 'file:icons/centrixone.svg', dark: 'file:icons/centrixone.dark.svg' };

	documentationUrl = 'https://github.com/crm-pack/n8n-nodes-crm-pack#centrixone';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.centrix.one/API_WEB/EN',
			description:
				'https://api.centrix.one/API_WEB/EN, or https://api.vsmcentrix.com/API_WEB/EN for older accounts',
			required: true,
		},
		{ displayName: 'Account Number', name: 'account', type: 'string', default: '', required: true },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Ask support@centrix.one for it',
			required: true,
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${SECURE_BASE_URL('baseUrl')}`,
			disableFollowRedirect: true,
			url: '={{"/Users-" + encodeURIComponent($credentials.account) + "-" + encodeURIComponent($credentials.apiKey) + "-all.awp"}}',
			qs: { fields: 'all' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'Result',
					value: 'Error',
					message: 'CentrixOne refused the account number or API key',
				},
			},
		],
	};
}
