import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { LEGACY_API_PATH, legacyLogin } from '../../credentials/CrmComLegacyApi.credentials';
import { credentialsOf, crmRequest } from '../shared/transport/request';
import { paginateByOffset, type PagingOptions } from '../shared/transport/paginate';
import type {
	ApiProfile,
	CrmReply,
	QueryValue,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { checkBaseUrl, joinUrl } from '../shared/transport/url';

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
	async refreshCredentials(this: RequestContext, credentials) {
		return {
			...credentials,
			token: await legacyLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	},
};

export interface LegacyCall {
	method: IHttpRequestMethods;
	/** `<entity>/<action>`, e.g. `contact_information/show`. */
	path: string;
	qs?: Record<string, QueryValue | undefined>;
	body?: IDataObject;
	idempotent?: boolean;
	itemIndex?: number;
	options?: Partial<RequestOptions>;
}

/** One call; returns the envelope's `data`. */
export async function legacyRequest<T = IDataObject>(
	ctx: RequestContext,
	call: LegacyCall,
): Promise<T> {
	const credentials = await credentialsOf(ctx, LEGACY_CREDENTIAL);
	const server = checkBaseUrl(credentials.server, 'Server URL');
	const reply = await crmRequest.call(
		ctx,
		legacyProfile,
		LEGACY_CREDENTIAL,
		{
			method: call.method,
			url: joinUrl(`${server}${LEGACY_API_PATH}`, call.path),
			qs: call.qs,
			body: call.method === 'GET' ? undefined : (call.body ?? {}),
			idempotent: call.idempotent,
			itemIndex: call.itemIndex,
		},
		call.options,
	);
	return ((reply.body as Envelope).data ?? null) as T;
}

/** A list over offset/number_of_results, never more than 50 a page. */
export async function legacyList<T = IDataObject>(
	ctx: RequestContext,
	call: Omit<LegacyCall, 'method' | 'body'>,
	paging: PagingOptions,
): Promise<T[]> {
	return await paginateByOffset<T>(
		async (offset, count) => {
			const data = await legacyRequest<T[] | null>(ctx, {
				...call,
				method: 'GET',
				qs: { ...(call.qs ?? {}), offset, number_of_results: count },
			});
			return { items: Array.isArray(data) ? data : [] };
		},
		{ ...paging, maxPageSize: MAX_RESULTS },
	);
}
