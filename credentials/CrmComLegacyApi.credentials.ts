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

/** The path every legacy REST v2 call lives under. */
export const LEGACY_API_PATH = '/crmapi/rest/v2';

interface TokenReply {
	data?: { token?: string } | null;
	status?: { code?: string; description?: string; message?: string };
}

/**
 * Obtains a token: `authentication/token` with username, password and organisation (and unit),
 * or `authentication/web_api_key/token` with the web API key as Basic auth. Used by the
 * credential's preAuthentication and by the node when a call says the token expired.
 */
export async function legacyLogin(
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const server = secureBaseUrl(credentials.server, 'Server URL');
	const byKey = credentials.authType === 'webApiKey';
	const reply = (await httpRequest({
		method: 'POST',
		url: `${server}${LEGACY_API_PATH}/authentication/${byKey ? 'web_api_key/token' : 'token'}`,
		// the password or key is never sent on to another address
		disableFollowRedirect: true,
		timeout: LOGIN_TIMEOUT_MS,
		headers: byKey ? { Authorization: `Basic ${String(credentials.webApiKey ?? '')}` } : {},
		body: byKey
			? {}
			: {
					username: credentials.username,
					password: credentials.password,
					organisation: credentials.organisation,
					...(credentials.unit ? { unit: credentials.unit } : {}),
				},
		json: true,
	})) as TokenReply;
	const token = reply?.data?.token;
	if (reply?.status?.code !== 'OK' || !token) {
		throw new Error(
			`CRM.COM refused the login: ${reply?.status?.description ?? 'no token in the reply'}`,
		);
	}
	return token;
}

/**
 * CRM.COM legacy REST v2: a token obtained by logging in, sent in the query of GET calls and
 * in the JSON body of POST calls.
 */
export class CrmComLegacyApi implements ICredentialType {
	name = 'crmComLegacyApi';

	displayName = 'CRM.COM Legacy API';

	icon: Icon = { light: 'file:icons/crmcomLegacy.svg', dark: 'file:icons/crmcomLegacy.dark.svg' };

	documentationUrl = 'https://github.com/crm-pack/n8n-nodes-crm-pack#crmcom-legacy';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'server',
			type: 'string',
			default: '',
			placeholder: 'https://crm.example.com',
			description: 'The address of your CRM.COM server, without /crmapi/rest/v2',
			required: true,
		},
		{
			displayName: 'Log In With',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Username and Password', value: 'password' },
				{ name: 'Web API Key', value: 'webApiKey' },
			],
			default: 'password',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Organisation',
			name: 'organisation',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Unit',
			name: 'unit',
			type: 'string',
			default: '',
			description: 'Optional business unit to log in to',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Web API Key',
			name: 'webApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['webApiKey'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return {
			token: await legacyLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = String(credentials.token ?? '');
		const method = (requestOptions.method ?? 'GET').toUpperCase();
		if (method === 'GET' || method === 'DELETE') {
			return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), token } };
		}
		const body =
			requestOptions.body && typeof requestOptions.body === 'object' ? requestOptions.body : {};
		return { ...requestOptions, body: { ...(body as object), token } };
	}

	/**
	 * The login before it is the proof (its documented reply `{data: {token}, status: {code:
	 * "OK"}}`, anything else fails it); the test then reads, with the documented GET
	 * `contact_information/show`, a contact information that cannot exist: any reply in the
	 * documented envelope passes (a not-found status included), a reply without `status` is not
	 * a CRM.COM legacy server. Nothing is written.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${SECURE_BASE_URL('server')}/crmapi/rest/v2`,
			disableFollowRedirect: true,
			url: '/contact_information/show',
			qs: { contact_information_identifier: 'number=n8n-credential-test' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: undefined,
					message: 'This server does not answer like the CRM.COM legacy REST v2 API',
				},
			},
		],
	};
}
