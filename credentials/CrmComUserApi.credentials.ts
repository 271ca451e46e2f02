import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { LOGIN_TIMEOUT_MS, SECURE_BASE_URL, secureBaseUrl } from './secureUrl';

/** What `POST /users/authenticate` answers. */
interface LoginReply {
	access_token?: string;
	refresh_token?: string;
	expiration_date?: number;
}

/**
 * Logs a CRM.COM back-office user in (`POST /users/authenticate`, provider EMAIL) over https,
 * without following a redirect; a ready JWT is returned as it is. Used by the credential's
 * preAuthentication and by the node when a call answers 401 (one login for every request
 * waiting). The login always sends the (public) API key.
 */
export async function crmComUserLogin(
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	if (credentials.signIn === 'jwtToken') return String(credentials.jwtToken ?? '');
	const reply = (await httpRequest({
		method: 'POST',
		url: `${secureBaseUrl(credentials.baseUrl, 'Base URL')}/users/authenticate`,
		headers: { api_key: String(credentials.apiKey) },
		body: {
			provider: 'EMAIL',
			username: credentials.email,
			password: credentials.password,
		},
		json: true,
		disableFollowRedirect: true,
		timeout: LOGIN_TIMEOUT_MS,
	})) as LoginReply;
	if (!reply?.access_token)
		throw new Error('CRM.COM refused the login: no access token in the reply');
	return reply.access_token;
}

/**
 * A CRM.COM back-office user: logs in with email and password (provider EMAIL) with the API key,
 * then sends the access token in `authorization` (`Bearer <token>` as the docs say, or the bare
 * token as the live service's public client does) and, in `api_key`, the secret key when one is
 * given (the live client's form) or else the API key. The token is kept in a hidden expirable
 * field; n8n logs in again when a call answers 401. A ready JWT may be pasted instead.
 */
export class CrmComUserApi implements ICredentialType {
	name = 'crmComUserApi';

	displayName = 'CRM.COM User API';

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
			description: "Your tenant's Back-Office API URL (https)",
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "The organisation's secret API key, sent with every call in the api_key header",
			required: true,
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The account's secret key, sent in the api_key header with every call after login (the public API key is used for the login). Empty: the API key is sent.",
		},
		{
			displayName: 'Authorization Scheme',
			name: 'authScheme',
			type: 'options',
			options: [
				{
					name: 'Bearer (as the Docs Say)',
					value: 'bearer',
					description: 'Authorization: Bearer &lt;token&gt;',
				},
				{
					name: 'None (as the Live Public Client Sends It)',
					value: 'none',
					description: 'Authorization: &lt;token&gt;',
				},
			],
			default: 'bearer',
			description: 'How the access token is sent after login',
		},
		{
			displayName: 'Sign In With',
			name: 'signIn',
			type: 'options',
			options: [
				{ name: 'Email and Password', value: 'password' },
				{ name: 'Ready JWT', value: 'jwtToken' },
			],
			default: 'password',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			displayOptions: { show: { signIn: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { signIn: ['password'] } },
		},
		{
			displayName: 'JWT',
			name: 'jwtToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'An access token issued by CRM.COM; it is used as is and not renewed',
			displayOptions: { show: { signIn: ['jwtToken'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return {
			accessToken: await crmComUserLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...(requestOptions.headers ?? {}),
				api_key: String(credentials.secretKey || credentials.apiKey),
				authorization:
					credentials.authScheme === 'none'
						? String(credentials.accessToken)
						: `Bearer ${String(credentials.accessToken)}`,
			},
		};
	}

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
