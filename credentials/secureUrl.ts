import { checkBaseUrl, isLoopbackHost } from '../nodes/shared/transport/url';

/** Milliseconds a login call may take. */
export const LOGIN_TIMEOUT_MS = 30_000;

/**
 * The base URL of a login call: https only (plain http on a loopback host, for local mocks),
 * without a trailing slash. Throws a readable error naming the field otherwise.
 */
export function secureBaseUrl(raw: unknown, fieldName: string): string {
	return checkBaseUrl(raw, fieldName);
}

/** Is this address one a credential may be sent to (https, or plain http on loopback)? */
export function isSecureUrl(raw: string): boolean {
	try {
		const url = new URL(raw);
		return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
	} catch {
		return false;
	}
}

/**
 * The expression a credential test uses for its base URL: the field without trailing slashes,
 * with any scheme other than https (plain http on a loopback host excepted) replaced by
 * https://, so that a credential test never sends a secret over plain http.
 */
export function SECURE_BASE_URL(field: string): string {
	const value = `String($credentials.${field} || '').trim().replace(/\\/+$/, '')`;
	const loopback = String.raw`/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i`;
	const scheme = String.raw`/^[a-z][a-z0-9+.-]*:\/\//i`;
	return `{{ ${loopback}.test(${value}) ? ${value} : 'https://' + ${value}.replace(${scheme}, '') }}`;
}
