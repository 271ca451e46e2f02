import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { crmComUserLogin } from '../../credentials/CrmComUserApi.credentials';
import { nodeParameter } from '../shared/parameters';
import { credentialsOf, crmRequest } from '../shared/transport/request';
import type {
	ApiProfile,
	CrmReply,
	QueryValue,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { paginateByPage, type PagingOptions } from '../shared/transport/paginate';
import { checkBaseUrl, joinUrl } from '../shared/transport/url';

/** The two credentials the node accepts, by the value of its Authentication parameter. */
export const CREDENTIAL_BY_AUTH = {
	apiKey: 'crmComApi',
	userJwt: 'crmComUserApi',
} as const;
export type CrmComAuthentication = keyof typeof CREDENTIAL_BY_AUTH;

/** CRM.COM accepts page sizes up to 250. */
export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 100;

interface CrmComErrorBody {
	status?: number;
	message?: string | null;
	error?: string | null;
	parameters?: unknown[];
}

/** How CRM.COM replies fail: `{status, message, error, parameters}` with a 4xx/5xx status. */
export const crmComProfile: ApiProfile = {
	displayName: 'CRM.COM',
	secretFields: ['apiKey', 'password', 'accessToken', 'jwtToken'],
	renewOn401: ['crmComUserApi'],
	expectJson: true,
	/** A 401 of the user credential: one login shared by every request waiting for it. */
	async refreshCredentials(this: RequestContext, credentials) {
		return {
			...credentials,
			accessToken: await crmComUserLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	},
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

export async function baseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await credentialsOf(ctx, credentialType(ctx));
	return checkBaseUrl(credentials.baseUrl, 'Base URL');
}

export interface CrmComCall {
	method: IHttpRequestMethods;
	/** Path below the base URL, its id segments already encoded with `pathSegment`. */
	path: string;
	qs?: Record<string, QueryValue | undefined>;
	body?: IDataObject | IDataObject[];
	idempotent?: boolean;
	itemIndex?: number;
	options?: Partial<RequestOptions>;
}

/** One CRM.COM call through the shared layer; returns the parsed body. */
export async function crmComRequest<T = IDataObject>(
	ctx: RequestContext,
	call: CrmComCall,
): Promise<T> {
	const base = await baseUrl(ctx);
	const reply = await crmRequest.call(
		ctx,
		crmComProfile,
		credentialType(ctx),
		{
			method: call.method,
			url: joinUrl(base, call.path),
			qs: call.qs,
			body: call.body,
			idempotent: call.idempotent,
			itemIndex: call.itemIndex,
		},
		call.options,
	);
	return (reply.body ?? {}) as T;
}

interface CrmComPage<T> {
	content?: T[];
	paging?: {
		page?: number;
		size?: number;
		total?: number | null;
		has_more?: boolean | null;
	};
}

/**
 * A CRM.COM list (`{content, paging}` with `page` from 1 and `size`), all of it or up to
 * `limit`, through the shared page/size paginator.
 */
export async function crmComList<T = IDataObject>(
	ctx: RequestContext,
	call: Omit<CrmComCall, 'method' | 'body'>,
	paging: PagingOptions,
): Promise<T[]> {
	const pageSize = Math.min(Math.max(1, paging.pageSize || DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
	return await paginateByPage<T>(
		async (page, size) => {
			const body = await crmComRequest<CrmComPage<T>>(ctx, {
				...call,
				method: 'GET',
				qs: { ...(call.qs ?? {}), page, size },
			});
			return {
				items: Array.isArray(body.content) ? body.content : [],
				total: body.paging?.total,
				hasMore: body.paging?.has_more,
			};
		},
		{ ...paging, pageSize },
	);
}

/** The Options collection of item `i`, as paging and request settings. */
export function pagingFrom(
	ctx: IExecuteFunctions,
	i: number,
	settings: { pageSize?: number; concurrency?: number; maxPages?: number },
): PagingOptions {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	return {
		returnAll,
		limit: returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number),
		pageSize: settings.pageSize ?? DEFAULT_PAGE_SIZE,
		concurrency: settings.concurrency ?? 4,
		maxPages: settings.maxPages,
	};
}
