import type { CrmReply, RequestOptions } from './types';

export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Network errors after which the server may or may not have processed the request. */
const AMBIGUOUS_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Network errors that prove the request never reached the server. */
const UNSENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export type NetworkErrorKind = 'unsent' | 'ambiguous';

/** Classifies a thrown transport error, or undefined when it is not a network failure. */
export function classifyNetworkError(error: unknown): NetworkErrorKind | undefined {
	// Stryker disable next-line ArrayDeclaration: equivalent, an extra code that is in neither set
	const codes: string[] = [];
	// Stryker disable next-line ArrayDeclaration: equivalent, an extra word before the messages matches no pattern
	const messages: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof candidate.code === 'string') codes.push(candidate.code);
		if (typeof candidate.message === 'string') messages.push(candidate.message);
		current = candidate.cause;
	}
	if (codes.some((code) => UNSENT_NETWORK_CODES.has(code))) return 'unsent';
	if (codes.some((code) => AMBIGUOUS_NETWORK_CODES.has(code))) return 'ambiguous';
	const text = messages.join(' ');
	if (/ECONNREFUSED/.test(text)) return 'unsent';
	if (/socket hang up|ECONNRESET|timeout|ETIMEDOUT|aborted/i.test(text)) return 'ambiguous';
	return undefined;
}

/**
 * Parses a Retry-After header: delay in seconds, or an HTTP date. Returns milliseconds,
 * or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	// Stryker disable next-line LogicalOperator: equivalent, "undefined" and "null" are neither seconds nor a date
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	// Stryker disable next-line StringLiteral: equivalent, any other text is left to the checks below, which refuse "" too
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Full-jitter exponential backoff: a random wait in [0, min(max, base * 2^attempt)]. */
export function backoffDelay(
	attempt: number,
	options: Pick<RequestOptions, 'baseDelayMs' | 'maxDelayMs'>,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
	return Math.floor(random() * ceiling);
}

/**
 * The wait for a Retry-After of `ms`: at most `maxRetryAfterMs`, plus a jitter of up to a fifth
 * of it (at least 100 ms, at most `maxDelayMs`) so that items told the same instant do not all
 * come back in it.
 */
export function retryAfterDelay(
	ms: number,
	options: Pick<RequestOptions, 'maxRetryAfterMs' | 'maxDelayMs'>,
	random: () => number = Math.random,
): number {
	const capped = Math.min(Math.max(0, ms), options.maxRetryAfterMs);
	const spread = Math.min(options.maxDelayMs, Math.max(100, capped / 5));
	return capped + Math.floor(random() * spread);
}

/** Lower-cased view of reply headers. */
export function headerOf(reply: Pick<CrmReply, 'headers'>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(reply.headers ?? {})) {
		if (key.toLowerCase() === wanted)
			return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

/**
 * May a reply with this status be retried? `idempotent` writes may always be; others only
 * when the server provably did not process the request (429, or 503 with Retry-After).
 */
export function isRetryableStatus(
	statusCode: number,
	idempotent: boolean,
	hasRetryAfter: boolean,
): boolean {
	if (!RETRYABLE_STATUS.has(statusCode)) return false;
	if (idempotent) return true;
	return statusCode === 429 || (statusCode === 503 && hasRetryAfter);
}

export function isRetryableNetworkError(kind: NetworkErrorKind, idempotent: boolean): boolean {
	return kind === 'unsent' || idempotent;
}
