import type { IDataObject } from 'n8n-workflow';

import { createCrmClient } from '../shared/client';
import type { ApiProfile, CrmReply } from '../shared/transport/types';
import { checkBaseUrl, joinUrl, pathSegment } from '../shared/transport/url';

export const CENTION_CREDENTIAL = 'centionApi';
export const REQUIRED_CLAIM = 'Access and create customer contacts';

interface JsonApiErrors {
	errors?: Array<{ status?: string; title?: string; detail?: string }>;
}

/** Cention answers JSON:API `errors` arrays; 401/403 mean the token or its claim. */
export const centionProfile: ApiProfile = {
	displayName: 'Cention',
	secretFields: ['accessToken'],
	expectJson: true,
	readError(reply: CrmReply) {
		const body = (reply.body && typeof reply.body === 'object' ? reply.body : {}) as JsonApiErrors;
		const first = body.errors?.[0];
		const message =
			first?.detail ||
			first?.title ||
			(typeof reply.body === 'string' ? reply.body.slice(0, 200) : '') ||
			`HTTP ${reply.statusCode}`;
		const more = (body.errors ?? [])
			.slice(1)
			.map((e) => e.detail || e.title)
			.filter(Boolean);
		let hint: string | undefined;
		if (reply.statusCode === 401)
			hint =
				'Cention refused the access token: check it in the credential, and that it was made for this workspace.';
		if (reply.statusCode === 403)
			hint = `The access token needs the claim "${REQUIRED_CLAIM}": tick it under Administration → API → Access Tokens in Cention and make a new token.`;
		return {
			message,
			description: more.length ? more.join('; ') : undefined,
			httpCode: reply.statusCode,
			hint,
		};
	},
};

/** Cention's contact-cards API below the credential's domain and workspace. */
export const cention = createCrmClient({
	profile: centionProfile,
	credentialType: CENTION_CREDENTIAL,
	baseUrl: (credentials) => checkBaseUrl(credentials.domain, 'API Domain'),
	url: (domain, call, credentials) =>
		joinUrl(
			domain,
			`s/${pathSegment(String(credentials.workspace ?? ''), 'Workspace')}/capi/json/${call.path}`,
		),
	list: { style: 'single', readAll: (body) => (body as { data?: IDataObject[] }).data ?? [] },
});

/** JSON:API media type, sent and accepted. */
export const JSON_API_HEADERS = {
	'Content-Type': 'application/vnd.api+json',
	Accept: 'application/vnd.api+json',
};
