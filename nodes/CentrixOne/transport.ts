import type { IDataObject } from 'n8n-workflow';

import { createCrmClient, type CrmCall, type CrmClientConfig } from '../shared/client';
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

/**
 * A base-filter part: C<id>, E<external id> or S<list>. The base filter is the tail of the URL
 * path after the third `-` (`<Object>-<account>-<key>-<filter>.awp`; account and key hold no `-`),
 * its parts joined by `,`. So an External ID (often a login or e-mail, `ada.lovelace@example.com`)
 * may hold `.`, `@`, `+`, `-` and the like, but never `,` (it would split the filter), nor `/`,
 * `\`, `?`, `#`, `%`, spaces or line breaks (they would change the URL), nor end in `.awp`.
 */
export function baseFilterPart(kind: 'C' | 'E' | 'S', value: string): string {
	const text = value.trim();
	if (text === '') throw new Error('"" must not be empty');
	const bad = /[,/\\?#%\s]/.exec(text);
	if (bad) {
		const shown = /\s/.test(bad[0]) ? 'spaces or line breaks' : `"${bad[0]}"`;
		throw new Error(
			`"${text}" cannot be used in the CentrixOne URL: it holds ${shown} (the CentrixOne URL joins filters with ",", and / \\ ? # % or spaces would change the URL)`,
		);
	}
	if ((kind === 'C' || kind === 'S') && !/^\d+$/.test(text))
		throw new Error(`"${text}" must be a number`);
	if (kind === 'E' && /\.awp$/i.test(text))
		throw new Error(`"${text}" cannot end in ".awp" (the end of the CentrixOne URL)`);
	return `${kind}${text}`;
}

type CentrixCallExtra = { path: CentrixObject; baseFilter?: string };

/**
 * CentrixOne's web API: the object, account, API key and base filter are parts of the URL
 * (`<Object>-<account>-<key>-<baseFilter>.awp`); a read returns its rows whole, under the
 * object's name. A call's `path` is the object.
 */
const centrixConfig: CrmClientConfig<CentrixCallExtra> = {
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
};

export const centrix = createCrmClient<CentrixCallExtra>(centrixConfig);

/**
 * The contact writes: any JSON object in a 2xx comes back to the node, which reads it whole
 * (per-contact records, a bare `Result: Success`, or a top-level `Result: Error` that says
 * nothing of which contact), so a refused batch is told from a lost reply.
 */
export const centrixWriteProfile: ApiProfile = {
	...centrixProfile,
	failureInSuccess(reply: CrmReply) {
		const body = reply.body;
		if (body && typeof body === 'object' && !Array.isArray(body)) return undefined;
		return { message: 'Unexpected reply (not a JSON object)', httpCode: 502, retryable: true };
	},
};

export const centrixWrites = createCrmClient<CentrixCallExtra>({
	...centrixConfig,
	profile: centrixWriteProfile,
});

/** One call with the whole reply, for the trigger and the batched writes (`object` is the path). */
export async function centrixRequest(
	ctx: RequestContext,
	call: Omit<CrmCall, 'path'> & { object: CentrixObject; baseFilter?: string },
): Promise<CrmReply<IDataObject>> {
	const { object, ...rest } = call;
	return await centrix.send(ctx, { ...rest, path: object });
}
