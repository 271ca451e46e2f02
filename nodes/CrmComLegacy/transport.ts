import type { IDataObject } from 'n8n-workflow';

import { LEGACY_API_PATH, legacyLogin } from '../../credentials/CrmComLegacyApi.credentials';
import { createCrmClient } from '../shared/client';
import { refreshByLogin } from '../shared/login';
import type { ApiProfile, CrmReply } from '../shared/transport/types';
import { checkBaseUrl } from '../shared/transport/url';

export const LEGACY_CREDENTIAL = 'crmComLegacyApi';
export const MAX_RESULTS = 50;

interface Envelope {
	data?: unknown;
	status?: { code?: string; description?: string; message?: string };
}

/** A reply is `{data, status}`: any status code other than OK is a failure, even in HTTP 200. */
export const legacyProfile: ApiProfile = {
	displayName: 'CRM.COM',
	secretFields: ['password', 'webApiKey', 'token'],
	expectJson: true,
	failureInSuccess(reply: CrmReply) {
		const status = (reply.body as Envelope | undefined)?.status;
		if (!status || status.code === 'OK')
			return status ? undefined : { message: 'The reply has no status', httpCode: 502 };
		const text = [status.description, status.message].filter(Boolean).join(': ');
		const expired =
			status.code === 'INVALID_TOKEN' ||
			/token/i.test(`${status.code} ${status.description ?? ''}`);
		return {
			message: `${status.code}${text ? ` — ${text}` : ''}`,
			httpCode: expired ? 401 : status.code === 'NOT_FOUND' ? 404 : 400,
			tokenExpired: expired,
		};
	},
	refreshCredentials: refreshByLogin('token', legacyLogin),
};

/**
 * The REST v2 API below the credential's server: replies are `{data, status}` envelopes (the
 * operations see `data`), a GET sends no body and a POST at least `{}`, lists page by
 * `offset`/`number_of_results`, never more than 50 a call.
 */
export const legacy = createCrmClient({
	profile: legacyProfile,
	credentialType: LEGACY_CREDENTIAL,
	baseUrl: (credentials) => `${checkBaseUrl(credentials.server, 'Server URL')}${LEGACY_API_PATH}`,
	unwrap: (reply) => (reply.body as Envelope).data ?? null,
	body: (call) => (call.method === 'GET' ? undefined : (call.body ?? {})),
	list: {
		style: 'offset',
		offsetParam: 'offset',
		countParam: 'number_of_results',
		maxPageSize: MAX_RESULTS,
		readPage: (data) => ({ items: Array.isArray(data) ? (data as IDataObject[]) : [] }),
	},
});
