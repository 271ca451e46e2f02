import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { credentialsOf, crmRequest } from '../shared/transport/request';
import type {
	ApiProfile,
	CrmFailure,
	CrmReply,
	QueryValue,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { checkBaseUrl, joinUrl } from '../shared/transport/url';

export const LIGHTENING_CREDENTIAL = 'lighteningApi';

/** What Lightening's delete answers on success, inside `result: false`. */
export const DELETED_MESSAGE = 'Entity has been successfully deleted.';
export const NOT_FOUND_MESSAGE = 'Entity not found.';

interface LighteningBody {
	result?: boolean;
	error?: string;
	msg?: string;
	errors?: Record<string, string | string[]>;
}

/** A failure hidden in a 200: `result: false` with `error`, `msg` or `errors{field: message}`. */
export function lighteningFailure(body: LighteningBody): CrmFailure | undefined {
	if (!body || typeof body !== 'object' || body.result !== false) return undefined;
	if (body.msg === DELETED_MESSAGE) return undefined;
	const text = body.error ?? body.msg;
	if (text === NOT_FOUND_MESSAGE)
		return { message: text, httpCode: 404, hint: 'Check the contact ID.' };
	if (text && /not authori[sz]ed|authori[sz]ation/i.test(text)) {
		return {
			message: text,
			httpCode: 401,
			hint: 'Check the Authorization token of the credential.',
		};
	}
	if (body.errors && typeof body.errors === 'object') {
		const fields = Object.entries(body.errors).map(
			([field, message]) => `${field}: ${Array.isArray(message) ? message.join(' ') : message}`,
		);
		return { message: fields.join('; ') || 'Validation failed', httpCode: 422, description: text };
	}
	return { message: text ?? 'Lightening answered result: false', httpCode: 400 };
}

export const lighteningProfile: ApiProfile = {
	displayName: 'Lightening',
	secretFields: ['authorizationToken'],
	expectJson: true,
	failureInSuccess: (reply: CrmReply) => lighteningFailure(reply.body as LighteningBody),
	readError(reply: CrmReply) {
		const hidden = lighteningFailure(reply.body as LighteningBody);
		const text = typeof reply.body === 'string' ? reply.body.slice(0, 200) : undefined;
		return {
			...(hidden ?? { message: text || `HTTP ${reply.statusCode}` }),
			httpCode: reply.statusCode,
		};
	},
};

export async function lighteningRequest<T = IDataObject>(
	ctx: RequestContext,
	call: {
		method: IHttpRequestMethods;
		path: string;
		qs?: Record<string, QueryValue | undefined>;
		body?: IDataObject;
		idempotent?: boolean;
		itemIndex?: number;
		options?: Partial<RequestOptions>;
	},
): Promise<T> {
	const credentials = await credentialsOf(ctx, LIGHTENING_CREDENTIAL);
	const base = checkBaseUrl(credentials.baseUrl, 'Base URL');
	const reply = await crmRequest.call(
		ctx,
		lighteningProfile,
		LIGHTENING_CREDENTIAL,
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

/** Every contact of the given customers (the API returns them in one reply). */
export async function listContacts(
	ctx: RequestContext,
	customerIds: number[],
	itemIndex: number | undefined,
	options: Partial<RequestOptions>,
): Promise<IDataObject[]> {
	const body = await lighteningRequest<{ entities?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: 'contact',
		qs: { 'customer_id[]': customerIds },
		itemIndex,
		options,
	});
	return Array.isArray(body.entities) ? body.entities : [];
}
