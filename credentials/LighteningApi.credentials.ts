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

	/**
	 * Tells a valid token by a documented reply and changes nothing: it POSTs a contact whose
	 * name is 65 characters long, which the docs' limit ("name (required) - String with at most
	 * 64 characters") refuses with `result: false` and `errors{name: ...}` on any reading. A
	 * field error means the token was accepted and the contact validated; a reply without
	 * `errors.name` (or an HTTP error) means it was not. (A GET for customer 0 cannot tell: a
	 * valid token may get "customer not found" for it.)
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: `=${SECURE_BASE_URL('baseUrl')}`,
			disableFollowRedirect: true,
			url: '/contact',
			body: { name: 'n8n credential test: a name longer than 64 characters is refused.' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors.name',
					value: undefined,
					message: 'Lightening did not accept the Authorization token',
				},
			},
		],
	};
}
