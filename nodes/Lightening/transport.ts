import type { IDataObject } from 'n8n-workflow';

import { createCrmClient } from '../shared/client';
import type {
	ApiProfile,
	CrmFailure,
	CrmReply,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { checkBaseUrl } from '../shared/transport/url';

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

/** Lightening's API below the credential's base URL; lists come whole in one reply (`entities`). */
export const lightening = createCrmClient({
	profile: lighteningProfile,
	credentialType: LIGHTENING_CREDENTIAL,
	baseUrl: (credentials) => checkBaseUrl(credentials.baseUrl, 'Base URL'),
	list: {
		style: 'single',
		readAll: (body) => {
			const entities = (body as { entities?: unknown }).entities;
			return Array.isArray(entities) ? (entities as IDataObject[]) : [];
		},
	},
});

/** The `GET contact` list call of some customers (the API lists contacts per customer). */
export function contactsOf(customerIds: number[]): {
	path: string;
	qs: { 'customer_id[]': number[] };
} {
	return { path: 'contact', qs: { 'customer_id[]': customerIds } };
}

/** Every contact of the given customers, in one reply (the trigger's read). */
export async function listContacts(
	ctx: RequestContext,
	customerIds: number[],
	itemIndex: number | undefined,
	options: Partial<RequestOptions>,
): Promise<IDataObject[]> {
	return await lightening.list(
		ctx,
		{ ...contactsOf(customerIds), itemIndex, options },
		{ returnAll: true },
	);
}
