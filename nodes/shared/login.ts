import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ApiProfile, RequestContext } from './transport/types';

/** A credential's login: sends with the given client, answers the new token. */
export type Login = (
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	credentials: ICredentialDataDecryptedObject,
) => Promise<string>;

/**
 * A profile's `refreshCredentials` for a credential whose token comes from a login: logs in
 * again through n8n's plain `httpRequest` (no credential attached) and puts the new token in
 * `field` of the credential data used for the retry.
 */
export function refreshByLogin(
	field: string,
	login: Login,
): NonNullable<ApiProfile['refreshCredentials']> {
	return async function (this: RequestContext, credentials) {
		return {
			...credentials,
			[field]: await login(async (options) => await this.helpers.httpRequest(options), credentials),
		};
	};
}
