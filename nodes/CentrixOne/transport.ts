import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { credentialsOf, crmRequest } from '../shared/transport/request';
import type {
	ApiProfile,
	CrmReply,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { checkBaseUrl } from '../shared/transport/url';

export const CENTRIX_CREDENTIAL = 'centrixOneApi';

/** Objects of the CentrixOne web API. */
export type CentrixObject =
	| 'Contacts'
	| 'Opportunities'
	| 'Users'
	| 'Scripts'
	| 'RevenueTypes'
	| 'RevenueTypesSub1'
	| 'RevenueTypesSub2';

/**
 * Success is JSON with `"Result": "Success"`; errors are text bodies with 4xx/5xx; a 200 that
 * is not JSON is retried (as the docs advise) when the call may be repeated.
 */
export const centrixProfile: ApiProfile = {
	displayName: 'CentrixOne',
	secretFields: ['apiKey'],
	expectJson: true,
	failureInSuccess(reply: CrmReply) {
		if (reply.statusCode === 304) return undefined;
		const body = reply.body as { Result?: string; Error?: string } | undefined;
		if (body && typeof body === 'object' && body.Result === 'Success') return undefined;
		return {
			message: body?.Error ?? `Unexpected reply (Result: ${String(body?.Result)})`,
			httpCode: 502,
			retryable: true,
		};
	},
	readError(reply: CrmReply) {
		const text =
			typeof reply.body === 'string'
				? reply.body.trim().slice(0, 300)
				: JSON.stringify(reply.body ?? '').slice(0, 300);
		return {
			message: text || `HTTP ${reply.statusCode}`,
			httpCode: reply.statusCode,
			hint:
				reply.statusCode === 401
					? 'Check the account number and API key of the credential.'
					: undefined,
		};
	},
};

/** A base-filter part: C<id>, E<external id> or S<list>; no character that would change the URL. */
export function baseFilterPart(kind: 'C' | 'E' | 'S', value: string): string {
	const text = value.trim();
	if (text === '' || /[,.\t\r\n/\\?#%]/.test(text)) {
		throw new Error(
			`"${text}" cannot be used in a base filter (no commas, dots, slashes, ?, #, % or line breaks)`,
		);
	}
	if ((kind === 'C' || kind === 'S') && !/^\d+$/.test(text))
		throw new Error(`"${text}" must be a number`);
	return `${kind}${text}`;
}

export async function centrixUrl(
	ctx: RequestContext,
	object: CentrixObject,
	baseFilter = 'all',
): Promise<string> {
	const credentials = await credentialsOf(ctx, CENTRIX_CREDENTIAL);
	const base = checkBaseUrl(credentials.baseUrl, 'Base URL');
	const account = String(credentials.account ?? '').trim();
	const key = String(credentials.apiKey ?? '').trim();
	if (!/^[A-Za-z0-9_]+$/.test(account))
		throw new Error('The credential field "Account Number" must hold only letters and digits');
	if (!/^[A-Za-z0-9_]+$/.test(key))
		throw new Error('The credential field "API Key" must hold only letters and digits');
	return `${base}/${object}-${account}-${key}-${encodeURIComponent(baseFilter).replace(/%2C/gi, ',')}.awp`;
}

export async function centrixRequest(
	ctx: RequestContext,
	call: {
		method: IHttpRequestMethods;
		object: CentrixObject;
		baseFilter?: string;
		qs?: Record<string, string | undefined>;
		body?: IDataObject;
		headers?: Record<string, string>;
		idempotent?: boolean;
		itemIndex?: number;
		options?: Partial<RequestOptions>;
	},
): Promise<CrmReply<IDataObject>> {
	return (await crmRequest.call(
		ctx,
		centrixProfile,
		CENTRIX_CREDENTIAL,
		{
			method: call.method,
			url: await centrixUrl(ctx, call.object, call.baseFilter),
			qs: call.qs,
			body: call.body,
			headers: call.headers,
			idempotent: call.idempotent,
			itemIndex: call.itemIndex,
		},
		call.options,
	)) as CrmReply<IDataObject>;
}

/** The rows of a read: `{Result, <Object>: [...]}`. */
export async function centrixList(
	ctx: RequestContext,
	object: CentrixObject,
	baseFilter: string,
	qs: Record<string, string | undefined>,
	itemIndex: number | undefined,
	options: Partial<RequestOptions>,
): Promise<IDataObject[]> {
	const reply = await centrixRequest(ctx, {
		method: 'GET',
		object,
		baseFilter,
		qs,
		itemIndex,
		options,
	});
	const rows = (reply.body ?? {})[object];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}
