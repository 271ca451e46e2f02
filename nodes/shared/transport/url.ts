import type { QueryValue } from './types';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

/**
 * Parses a base URL from a credential and checks it is https (plain http only on a
 * loopback host, for local mocks and tests). Returns it without a trailing slash.
 * Throws a plain Error with a user-readable message; callers wrap it.
 */
export function checkBaseUrl(raw: unknown, fieldName: string): string {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new Error(`The credential field "${fieldName}" is empty: enter the API's https:// URL`);
	}
	const parsed = parseUrl(raw.trim());
	if (!parsed) throw new Error(`The credential field "${fieldName}" is not a valid URL`);
	const secure = parsed.protocol === 'https:';
	const localPlain = parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
	if (!secure && !localPlain) {
		throw new Error(
			`The credential field "${fieldName}" must start with https:// (plain http is only allowed for localhost)`,
		);
	}
	if (parsed.search || parsed.hash) {
		throw new Error(
			`The credential field "${fieldName}" must not contain a query string or #fragment`,
		);
	}
	return parsed.toString().replace(/\/+$/, '');
}

/**
 * Encodes one path segment. Ids containing `/`, `..`, `?`, `#` or spaces are encoded so they
 * can never reach another endpoint; `.` and `..` alone are refused.
 */
export function pathSegment(value: string | number, fieldName = 'ID'): string {
	const text = String(value).trim();
	if (text === '') throw new Error(`"${fieldName}" is empty`);
	if (text === '.' || text === '..') throw new Error(`"${fieldName}" cannot be "${text}"`);
	return encodeURIComponent(text);
}

/** Joins a base URL and path segments that are already encoded. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Serialises a query: arrays as comma-separated values (the "csv" collection format the
 * CRM docs use), or as repeated `key[]=v` pairs when the key ends in `[]`; undefined values
 * left out; keys such as `created_on[gte]` kept verbatim.
 */
export function buildQueryString(qs: Record<string, QueryValue | undefined> | undefined): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		const encodedKey = encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
		if (key.endsWith('[]') && Array.isArray(value)) {
			for (const entry of value) parts.push(`${encodedKey}=${encodeURIComponent(String(entry))}`);
			continue;
		}
		const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
		parts.push(`${encodedKey}=${encodeURIComponent(text)}`);
	}
	return parts.join('&');
}

export function withQuery(
	url: string,
	qs: Record<string, QueryValue | undefined> | undefined,
): string {
	const query = buildQueryString(qs);
	if (!query) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}
