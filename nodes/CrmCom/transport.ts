import type { IDataObject } from 'n8n-workflow';

import { crmComUserLogin } from '../../credentials/CrmComUserApi.credentials';
import { nodeParameter } from '../shared/parameters';
import { createCrmClient, type CrmListCall, type ListPaging } from '../shared/client';
import { refreshByLogin } from '../shared/login';
import type { ApiProfile, CrmReply, RequestContext } from '../shared/transport/types';
import { checkBaseUrl } from '../shared/transport/url';

/** The two credentials the node accepts, by the value of its Authentication parameter. */
export const CREDENTIAL_BY_AUTH = {
	apiKey: 'crmComApi',
	userJwt: 'crmComUserApi',
} as const;
export type CrmComAuthentication = keyof typeof CREDENTIAL_BY_AUTH;

/** CRM.COM accepts page sizes up to 250 (api-docs notes: the live service does). */
export const MAX_PAGE_SIZE = 250;
/** Return All asks for the largest page the API accepts: fewer requests for the same list. */
export const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

interface CrmComErrorBody {
	status?: number;
	message?: string | null;
	error?: string | null;
	parameters?: unknown[];
}

/** How CRM.COM replies fail: `{status, message, error, parameters}` with a 4xx/5xx status. */
export const crmComProfile: ApiProfile = {
	displayName: 'CRM.COM',
	secretFields: ['apiKey', 'secretKey', 'password', 'accessToken', 'jwtToken'],
	renewOn401: ['crmComUserApi'],
	expectJson: true,
	/** A 401 of the user credential: one login shared by every request waiting for it. */
	refreshCredentials: refreshByLogin('accessToken', crmComUserLogin),
	readError(reply: CrmReply) {
		const body = (
			reply.body && typeof reply.body === 'object' ? reply.body : {}
		) as CrmComErrorBody;
		const text = typeof reply.body === 'string' ? reply.body.slice(0, 200) : undefined;
		const message = body.message || body.error || text || `HTTP ${reply.statusCode}`;
		const details: string[] = [];
		if (body.error && body.error !== message) details.push(`Error: ${body.error}`);
		if (Array.isArray(body.parameters) && body.parameters.length) {
			details.push(`Parameters: ${body.parameters.map(String).join(', ')}`);
		}
		return {
			message,
			description: details.join('. ') || undefined,
			httpCode: reply.statusCode,
		};
	},
};

/** The credential in use: the node's Authentication parameter, or the API key one. */
export function credentialType(ctx: RequestContext): string {
	const auth = nodeParameter<string>(ctx, 'authentication', 'apiKey');
	return CREDENTIAL_BY_AUTH[auth as CrmComAuthentication] ?? CREDENTIAL_BY_AUTH.apiKey;
}

interface CrmComPage {
	content?: IDataObject[];
	paging?: { page?: number; size?: number; total?: number | null; has_more?: boolean | null };
}

/**
 * The Back-Office API below the credential's base URL, with the credential the Authentication
 * parameter picks; lists are `{content, paging}` with `page` (from 1) and `size` (up to 250).
 */
export const crmCom = createCrmClient({
	profile: crmComProfile,
	credentialType,
	baseUrl: (credentials) => checkBaseUrl(credentials.baseUrl, 'Base URL'),
	list: {
		style: 'page',
		pageParam: 'page',
		sizeParam: 'size',
		maxPageSize: MAX_PAGE_SIZE,
		defaultPageSize: DEFAULT_PAGE_SIZE,
		defaultConcurrency: 8,
		readPage: (reply) => {
			const body = (reply ?? {}) as CrmComPage;
			return {
				items: Array.isArray(body.content) ? body.content : [],
				total: body.paging?.total,
				hasMore: body.paging?.has_more,
			};
		},
	},
});

/** A CRM.COM list, all of it or up to `limit` (the trigger's read). */
export async function crmComList<T = IDataObject>(
	ctx: RequestContext,
	call: CrmListCall,
	paging: ListPaging,
): Promise<T[]> {
	return await crmCom.list<T>(ctx, call, paging);
}
