import type { IDataObject } from 'n8n-workflow';

import { createCrmClient, type CrmCall } from '../shared/client';
import type { ApiProfile, CrmReply, RequestContext } from '../shared/transport/types';
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

/**
 * CentrixOne's web API: the object, account, API key and base filter are parts of the URL
 * (`<Object>-<account>-<key>-<baseFilter>.awp`); a read returns its rows whole, under the
 * object's name. A call's `path` is the object.
 */
export const centrix = createCrmClient<{ path: CentrixObject; baseFilter?: string }>({
	profile: centrixProfile,
	credentialType: CENTRIX_CREDENTIAL,
	baseUrl: (credentials) => checkBaseUrl(credentials.baseUrl, 'Base URL'),
	url: (base, call, credentials) => {
		const account = String(credentials.account ?? '').trim();
		const key = String(credentials.apiKey ?? '').trim();
		if (!/^[A-Za-z0-9_]+$/.test(account))
			throw new Error('The credential field "Account Number" must hold only letters and digits');
		if (!/^[A-Za-z0-9_]+$/.test(key))
			throw new Error('The credential field "API Key" must hold only letters and digits');
		const filter = encodeURIComponent(call.baseFilter ?? 'all').replace(/%2C/gi, ',');
		return `${base}/${call.path}-${account}-${key}-${filter}.awp`;
	},
	list: {
		style: 'single',
		readAll: (body, call) => {
			const rows = ((body ?? {}) as IDataObject)[call.path];
			return Array.isArray(rows) ? (rows as IDataObject[]) : [];
		},
	},
});

/** One call with the whole reply, for the trigger and the batched writes (`object` is the path). */
export async function centrixRequest(
	ctx: RequestContext,
	call: Omit<CrmCall, 'path'> & { object: CentrixObject; baseFilter?: string },
): Promise<CrmReply<IDataObject>> {
	const { object, ...rest } = call;
	return await centrix.send(ctx, { ...rest, path: object });
}
