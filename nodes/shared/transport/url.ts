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

/**
 * Decodes percent-escapes until nothing changes (at most 4 rounds, as a server or proxy decoding
 * more than once would); undefined when even the first round is malformed.
 */
function fullyDecoded(text: string): string | undefined {
	let current = text;
	for (let round = 0; round < 4; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return round === 0 ? undefined : current;
		}
		if (next === current) return current;
		current = next;
	}
	return current;
}

/**
 * Why a path below a base URL could leave it, or undefined when it cannot. Each segment is
 * decoded (repeatedly: `%252e` too) before it is checked, so `%2e%2e` is a ".." segment, and
 * a backslash or a full or protocol-relative URL is seen. `strict` (a path a user typed) also
 * splits decoded segments at encoded slashes (`..%2f`) and refuses a malformed escape, `?`,
 * `#`, white space and control characters; otherwise an encoded slash is data (an id).
 */
export function pathEscape(path: string, strict = false): string | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || /^[/\\]{2}/.test(path))
		return 'must be a path below the base URL, not a full URL';
	if (path.includes('\\')) return 'must not contain a backslash';
	const segments: string[] = [];
	for (const raw of path.split('/')) {
		const decoded = fullyDecoded(raw);
		if (decoded === undefined) {
			if (strict) return 'contains a malformed %-escape';
			segments.push(raw);
		} else if (strict) {
			segments.push(...decoded.split(/[/\\]/));
		} else {
			segments.push(decoded);
		}
	}
	const plain = segments.join('/');
	if (strict && (/[?#]/.test(path) || /\s/.test(plain)))
		return 'must not contain "?", "#" or spaces: use Query Parameters';
	if (strict && [...plain].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
		return 'must not contain control characters';
	if (segments.some((segment) => segment === '.' || segment === '..'))
		return 'must not contain "." or ".." segments, in any encoding';
	return undefined;
}

/**
 * Joins a base URL and path segments that are already encoded. The result must stay below the
 * base URL's path once decoded and normalised (a `%2e%2e` segment, an encoded slash before
 * `..`): otherwise it throws instead of reaching another endpoint.
 */
export function joinUrl(baseUrl: string, path: string): string {
	const base = baseUrl.replace(/\/+$/, '');
	const relative = path.replace(/^\/+/, '');
	const joined = `${base}/${relative}`;
	const escape = pathEscape(relative.split(/[?#]/)[0]);
	let inside = true;
	try {
		const basePath = new URL(`${base}/`).pathname;
		inside = new URL(joined).pathname.startsWith(basePath);
	} catch {
		inside = false;
	}
	if (escape || !inside)
		throw new Error(
			`The path "${relative}" would leave the API's base URL: ${escape ?? 'refused'}`,
		);
	return joined;
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
