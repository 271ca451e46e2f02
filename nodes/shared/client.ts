import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { readRequestSettings } from './descriptions';
import { credentialsOf, crmRequest } from './transport/request';
import {
	paginateByOffset,
	paginateByPage,
	singleShot,
	type PageResult,
	type PagingOptions,
} from './transport/paginate';
import type {
	ApiProfile,
	CrmReply,
	QueryValue,
	RequestContext,
	RequestOptions,
} from './transport/types';
import { joinUrl } from './transport/url';

/** One call, the same shape for every CRM: a path below the API's base URL and what goes with it. */
export interface CrmCall {
	method: IHttpRequestMethods;
	/** Below the base URL, its id segments already encoded with `pathSegment`. */
	path: string;
	qs?: Record<string, QueryValue | undefined>;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/** May it be sent again after an ambiguous failure? (default: by method) */
	idempotent?: boolean;
	itemIndex?: number;
	/** The user's request options (timeout, retries) of this item: `requestSettings(...).request`. */
	options?: Partial<RequestOptions>;
}

/** A list call: a GET, paged by the CRM's paging style. */
export type CrmListCall = Omit<CrmCall, 'method' | 'body'>;

/** Return All or a limit; page size, concurrency and page cap where the user set them. */
export type ListPaging = Pick<PagingOptions, 'returnAll' | 'limit'> & Partial<PagingOptions>;

/** How a CRM pages its lists. */
export type ListStyle =
	| {
			/** `page` (from 1) and `size` parameters. */
			style: 'page';
			pageParam: string;
			sizeParam: string;
			maxPageSize: number;
			defaultPageSize: number;
			/** Pages fetched at once when the user set no concurrency. */
			defaultConcurrency?: number;
			readPage(body: unknown, call: CrmListCall): PageResult<IDataObject>;
	  }
	| {
			/** `offset` and a count parameter, never more than `maxPageSize` a call. */
			style: 'offset';
			offsetParam: string;
			countParam: string;
			maxPageSize: number;
			readPage(body: unknown, call: CrmListCall): PageResult<IDataObject>;
	  }
	| {
			/** The whole list in one reply. */
			style: 'single';
			readAll(body: unknown, call: CrmListCall): IDataObject[];
	  };

/** What makes a CRM's transport: configuration, no wiring. */
export interface CrmClientConfig<Extra extends object = object> {
	profile: ApiProfile;
	/** The credential type in use (one name, or read from the node's Authentication parameter). */
	credentialType: string | ((ctx: RequestContext) => string);
	/** The base URL from the credential, checked (`checkBaseUrl`). */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** The request URL of a call; default: `joinUrl(baseUrl, call.path)`. */
	url?(base: string, call: CrmCall & Extra, credentials: ICredentialDataDecryptedObject): string;
	/** The reply body as operations see it (e.g. an envelope's `data`); default: the body, `{}` when empty. */
	unwrap?(reply: CrmReply): unknown;
	/** The body sent for a call; default: `call.body` (e.g. none on a GET, `{}` on a bare POST). */
	body?(call: CrmCall & Extra): CrmCall['body'] | undefined;
	list: ListStyle;
}

export interface CrmClient<Extra extends object = object> {
	/** The credential type in use for this context. */
	credentialType(ctx: RequestContext): string;
	/** The checked base URL of the credential in use. */
	baseUrl(ctx: RequestContext): Promise<string>;
	/** One call through the shared request layer; returns the (unwrapped) body. */
	request<T = IDataObject>(ctx: RequestContext, call: CrmCall & Extra): Promise<T>;
	/** One call; returns the whole reply (status, headers, body). */
	send<T = IDataObject>(ctx: RequestContext, call: CrmCall & Extra): Promise<CrmReply<T>>;
	/** A list, all of it or up to `paging.limit`, by the CRM's paging style. */
	list<T = IDataObject>(
		ctx: RequestContext,
		call: CrmListCall & Extra,
		paging: ListPaging,
	): Promise<T[]>;
}

/** A CRM's `request` and `list`, built on the shared transport (`crmRequest`, the paginators). */
export function createCrmClient<Extra extends object = object>(
	config: CrmClientConfig<Extra>,
): CrmClient<Extra> {
	const credentialType = (ctx: RequestContext): string =>
		typeof config.credentialType === 'string' ? config.credentialType : config.credentialType(ctx);
	const unwrap = config.unwrap ?? ((reply: CrmReply) => reply.body ?? {});

	async function send<T>(ctx: RequestContext, call: CrmCall & Extra): Promise<CrmReply<T>> {
		const type = credentialType(ctx);
		const credentials = await credentialsOf(ctx, type);
		const base = config.baseUrl(credentials);
		const url = config.url ? config.url(base, call, credentials) : joinUrl(base, call.path);
		const body = config.body ? config.body(call) : call.body;
		return await crmRequest.call<
			RequestContext,
			Parameters<typeof crmRequest>,
			Promise<CrmReply<T>>
		>(
			ctx,
			config.profile,
			type,
			{
				method: call.method,
				url,
				qs: call.qs,
				...(body !== undefined ? { body } : {}),
				...(call.headers ? { headers: call.headers } : {}),
				idempotent: call.idempotent,
				itemIndex: call.itemIndex,
			},
			call.options,
		);
	}

	async function request<T>(ctx: RequestContext, call: CrmCall & Extra): Promise<T> {
		return unwrap(await send(ctx, call)) as T;
	}

	async function list<T>(
		ctx: RequestContext,
		call: CrmListCall & Extra,
		paging: ListPaging,
	): Promise<T[]> {
		const get = async (qs: Record<string, QueryValue | undefined>): Promise<unknown> =>
			await request<unknown>(ctx, {
				...call,
				method: 'GET',
				qs: { ...(call.qs ?? {}), ...qs },
			} as CrmCall & Extra);
		const style = config.list;
		if (style.style === 'single') {
			return (await singleShot(async () => style.readAll(await get({}), call), paging)) as T[];
		}
		if (style.style === 'page') {
			const pageSize = Math.min(
				Math.max(1, paging.pageSize || style.defaultPageSize),
				style.maxPageSize,
			);
			return (await paginateByPage(
				async (page, size) =>
					style.readPage(await get({ [style.pageParam]: page, [style.sizeParam]: size }), call),
				{
					...paging,
					pageSize,
					concurrency: paging.concurrency ?? style.defaultConcurrency,
					context: ctx,
				},
			)) as T[];
		}
		return (await paginateByOffset(
			async (offset, count) =>
				style.readPage(await get({ [style.offsetParam]: offset, [style.countParam]: count }), call),
			{ ...paging, pageSize: paging.pageSize || style.maxPageSize, maxPageSize: style.maxPageSize },
		)) as T[];
	}

	return {
		credentialType,
		baseUrl: async (ctx) => config.baseUrl(await credentialsOf(ctx, credentialType(ctx))),
		request,
		send,
		list,
	};
}

/** The user's request options (Options → timeout, retries) of item `i`. */
export function requestOptions(ctx: IExecuteFunctions, i: number): Partial<RequestOptions> {
	return readRequestSettings(ctx, i).request;
}

/**
 * The paging of a Get Many of item `i`, read in one place: Return All, Limit, and the Options
 * collection's page size, concurrency and page cap.
 */
export function pagingOf(
	ctx: IExecuteFunctions,
	i: number,
	defaults: { pageSize?: number; concurrency?: number } = {},
): ListPaging {
	const settings = readRequestSettings(ctx, i);
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	return {
		returnAll,
		limit: returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number),
		pageSize: settings.pageSize ?? defaults.pageSize,
		concurrency: settings.concurrency ?? defaults.concurrency,
		maxPages: settings.maxPages,
	};
}
