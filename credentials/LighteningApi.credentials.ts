import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SECURE_BASE_URL } from './secureUrl';

/** Lightening: the value of the `Authorization` header, as your Lightening account gives it. */
export class LighteningApi implements ICredentialType {
	name = 'lighteningApi';

	displayName = 'Lightening API';

	icon: Icon = { light: 'file:icons/lightening.svg', dark: 'file:icons/lightening.dark.svg' };

	documentationUrl = 'https://github.com/crm-pack/n8n-nodes-crm-pack#lightening';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://your-company.lightening.example/api',
			description: 'The https address of your Lightening API (the part before /contact)',
			required: true,
		},
		{
			displayName: 'Authorization Token',
			name: 'authorizationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The value of the Authorization header, from the Login/Auth page of your Lightening account',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.authorizationToken}}' } },
	};

	/** Lightening answers failures inside HTTP 200, so the test checks `result` in the body. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${SECURE_BASE_URL('baseUrl')}`,
			disableFollowRedirect: true,
			url: '/contact',
			qs: { 'customer_id[]': 0 },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'result',
					value: false,
					message: 'Lightening refused the Authorization token',
				},
			},
		],
	};
}
