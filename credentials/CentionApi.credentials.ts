import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SECURE_BASE_URL } from './secureUrl';

/**
 * Cention Contact Center: a JWT made in Administration → API → Access Tokens with the claim
 * "Access and create customer contacts", sent as a Bearer token.
 */
export class CentionApi implements ICredentialType {
	name = 'centionApi';

	displayName = 'Cention API';

	icon: Icon = { light: 'file:icons/cention.svg', dark: 'file:icons/cention.dark.svg' };

	documentationUrl = 'https://github.com/crm-pack/n8n-nodes-crm-pack#cention';

	properties: INodeProperties[] = [
		{
			displayName: 'API Domain',
			name: 'domain',
			type: 'string',
			default: 'https://apid.cention.com',
			placeholder: 'https://apid.cention.com',
			description: 'The https address of your Cention API server',
			required: true,
		},
		{
			displayName: 'Workspace',
			name: 'workspace',
			type: 'string',
			default: '',
			placeholder: 'demo',
			description: 'The name of your Cention workspace (the part after /s/ in its address)',
			required: true,
		},
		{
			displayName: 'Access Token (JWT)',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Made in Cention under Administration → API → Access Tokens, with "Access and create customer contacts" ticked',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	/**
	 * Cention has no read endpoint, so the test sends a POST that the JSON:API specification the
	 * docs cite obliges the server to refuse before doing anything: its Content-Type carries a
	 * media type parameter (JSON:API: "415 Unsupported Media Type"), its resource object is of a
	 * type the collection does not hold (JSON:API: "409 Conflict") and it holds no contact. A
	 * refusal for the token (JSON:API error object with status 401/403) or the workspace (404)
	 * fails the test; the expected 415/409 passes it. Nothing can be created on any reading.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: `=${SECURE_BASE_URL('domain')}`,
			disableFollowRedirect: true,
			url: '=/s/{{encodeURIComponent($credentials.workspace)}}/capi/json/c3_contact_cards',
			headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' },
			body: { data: { type: 'n8n_credential_test', attributes: { contacts: {} } } },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0].status',
					value: '401',
					message: 'Cention refused the access token (401): check the token and the workspace',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0].status',
					value: '403',
					message: 'The token lacks the claim "Access and create customer contacts" (403)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0].status',
					value: '404',
					message: 'No Cention API at this domain and workspace (404)',
				},
			},
		],
	};
}
