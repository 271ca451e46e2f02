import type { IDataObject } from 'n8n-workflow';

import { credentialsOf, crmRequest } from '../shared/transport/request';
import type {
	ApiProfile,
	CrmReply,
	RequestContext,
	RequestOptions,
} from '../shared/transport/types';
import { checkBaseUrl, joinUrl, pathSegment } from '../shared/transport/url';

export const CENTION_CREDENTIAL = 'centionApi';
export const REQUIRED_CLAIM = 'Access and create customer contacts';

interface JsonApiErrors {
	errors?: Array<{ status?: string; title?: string; detail?: string }>;
}

/** Cention answers JSON:API `errors` arrays; 401/403 mean the token or its claim. */
export const centionProfile: ApiProfile = {
	displayName: 'Cention',
	secretFields: ['accessToken'],
	expectJson: true,
	readError(reply: CrmReply) {
		const body = (reply.body && typeof reply.body === 'object' ? reply.body : {}) as JsonApiErrors;
		const first = body.errors?.[0];
		const message =
			first?.detail ||
			first?.title ||
			(typeof reply.body === 'string' ? reply.body.slice(0, 200) : '') ||
			`HTTP ${reply.statusCode}`;
		const more = (body.errors ?? [])
			.slice(1)
			.map((e) => e.detail || e.title)
			.filter(Boolean);
		let hint: string | undefined;
		if (reply.statusCode === 401)
			hint =
				'Cention refused the access token: check it in the credential, and that it was made for this workspace.';
		if (reply.statusCode === 403)
			hint = `The access token needs the claim "${REQUIRED_CLAIM}": tick it under Administration → API → Access Tokens in Cention and make a new token.`;
		return {
			message,
			description: more.length ? more.join('; ') : undefined,
			httpCode: reply.statusCode,
			hint,
		};
	},
};

/** The contact-cards endpoint of the credential's domain and workspace. */
export async function contactCardsUrl(ctx: RequestContext): Promise<string> {
	const credentials = await credentialsOf(ctx, CENTION_CREDENTIAL);
	const domain = checkBaseUrl(credentials.domain, 'API Domain');
	const workspace = pathSegment(String(credentials.workspace ?? ''), 'Workspace');
	return joinUrl(domain, `s/${workspace}/capi/json/c3_contact_cards`);
}

/** POSTs one JSON:API document. Upserts keyed by channel are safe to send again. */
export async function postContactCard(
	ctx: RequestContext,
	document: IDataObject,
	itemIndex: number,
	options: Partial<RequestOptions>,
): Promise<CrmReply<IDataObject>> {
	return await crmRequest.call<
		RequestContext,
		Parameters<typeof crmRequest>,
		Promise<CrmReply<IDataObject>>
	>(
		ctx,
		centionProfile,
		CENTION_CREDENTIAL,
		{
			method: 'POST',
			url: await contactCardsUrl(ctx),
			body: document,
			headers: { 'Content-Type': 'application/vnd.api+json', Accept: 'application/vnd.api+json' },
			idempotent: true,
			itemIndex,
		},
		options,
	);
}
