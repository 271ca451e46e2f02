import {
	RETRYABLE_STATUS,
	classifyNetworkError,
	headerOf,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfter,
} from '../../../nodes/shared/transport/retry';

/** Cases the mutation run (stryker.slice.mjs) found unchecked in the retry policy. */
describe('classifyNetworkError: every code it knows', () => {
	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])(
		'%s proves the request was never sent',
		(code) => {
			expect(classifyNetworkError({ code })).toBe('unsent');
			expect(classifyNetworkError(Object.assign(new Error('x'), { code }))).toBe('unsent');
		},
	);

	it.each([
		'ECONNRESET',
		'ETIMEDOUT',
		'ESOCKETTIMEDOUT',
		'ECONNABORTED',
		'EPIPE',
		'ERR_SOCKET_CONNECTION_TIMEOUT',
	])('%s leaves the outcome unknown', (code) => {
		expect(classifyNetworkError({ code })).toBe('ambiguous');
	});

	it('an unsent code anywhere in the cause chain wins over an ambiguous one', () => {
		expect(classifyNetworkError({ code: 'ECONNRESET', cause: { code: 'ECONNREFUSED' } })).toBe(
			'unsent',
		);
		expect(classifyNetworkError({ code: 'ECONNREFUSED', cause: { code: 'ECONNRESET' } })).toBe(
			'unsent',
		);
	});

	it('follows causes to the fourth level, not beyond', () => {
		const chain = (levels: number, leaf: object): object => {
			let error: object = leaf;
			for (let i = 1; i < levels; i++) error = { message: 'wrapped', cause: error };
			return error;
		};
		expect(classifyNetworkError(chain(4, { code: 'ECONNRESET' }))).toBe('ambiguous');
		expect(classifyNetworkError(chain(5, { code: 'ECONNRESET' }))).toBeUndefined();
		expect(classifyNetworkError(chain(4, { message: 'connect ECONNREFUSED 1.2.3.4' }))).toBe(
			'unsent',
		);
		expect(classifyNetworkError(chain(5, { message: 'socket hang up' }))).toBeUndefined();
	});

	it('reads the messages when no code is known, case-insensitively where it should', () => {
		expect(classifyNetworkError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe('unsent');
		expect(classifyNetworkError(new Error('read ECONNRESET'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('ETIMEDOUT'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('Request Aborted'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('SOCKET HANG UP'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('Timeout'))).toBe('ambiguous');
		expect(classifyNetworkError({ code: 'EOTHER', message: 'something else' })).toBeUndefined();
		expect(classifyNetworkError({ code: 42, message: 'plain' })).toBeUndefined();
		expect(classifyNetworkError({ code: 42, message: 17, cause: { message: 'aborted' } })).toBe(
			'ambiguous',
		);
	});

	it('joins the messages of the chain with a space, so words of two levels do not merge', () => {
		// "time" + "out" would read "timeout" if the messages were joined without a space
		expect(classifyNetworkError({ message: 'time', cause: { message: 'out' } })).toBeUndefined();
	});

	it('is undefined for anything that is not an error object', () => {
		expect(classifyNetworkError(undefined)).toBeUndefined();
		expect(classifyNetworkError(null)).toBeUndefined();
		expect(classifyNetworkError('ECONNRESET')).toBeUndefined();
		expect(classifyNetworkError(0)).toBeUndefined();
	});
});

describe('parseRetryAfter: edges', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	it('trims, refuses blanks and partial numbers, rounds fractions', () => {
		expect(parseRetryAfter('  3 ', now)).toBe(3000);
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter('10.25', now)).toBe(10_250);
		expect(parseRetryAfter('', now)).toBeUndefined();
		expect(parseRetryAfter('   ', now)).toBeUndefined();
		expect(parseRetryAfter(null as unknown as undefined, now)).toBeUndefined();
		expect(parseRetryAfter('0.0004', now)).toBe(0);
		expect(parseRetryAfter('0.0006', now)).toBe(1);
		expect(parseRetryAfter('0', now)).toBe(0);
		// not a whole match of the number pattern: read as a date (or nothing), never as seconds
		expect(parseRetryAfter('3s', now)).toBeUndefined();
		expect(parseRetryAfter('x3', now)).toBeUndefined();
		expect(parseRetryAfter('1.', now)).not.toBe(1000);
		expect(parseRetryAfter('.5', now)).not.toBe(500);
	});
});

describe('headerOf', () => {
	it('finds a header whatever its case, the first of a repeated one, undefined when absent', () => {
		const reply = { headers: { 'Retry-After': '5', 'set-cookie': ['a=1', 'b=2'], 'x-n': 3 } };
		expect(headerOf(reply as never, 'retry-after')).toBe('5');
		expect(headerOf(reply as never, 'RETRY-AFTER')).toBe('5');
		expect(headerOf(reply as never, 'Set-Cookie')).toBe('a=1');
		expect(headerOf(reply as never, 'x-n')).toBe('3');
		expect(headerOf(reply as never, 'x-missing')).toBeUndefined();
		expect(headerOf({ headers: undefined } as never, 'x')).toBeUndefined();
	});
});

describe('retryable statuses and network errors', () => {
	it('is exactly 429, 502, 503 and 504', () => {
		expect([...RETRYABLE_STATUS].sort()).toEqual([429, 502, 503, 504]);
		for (const status of [400, 401, 403, 404, 408, 409, 500, 501, 505]) {
			expect(isRetryableStatus(status, true, true)).toBe(false);
		}
	});

	it('a non-idempotent request: 429 always, 503 only with Retry-After, 502/504 never', () => {
		expect(isRetryableStatus(429, false, false)).toBe(true);
		expect(isRetryableStatus(503, false, true)).toBe(true);
		expect(isRetryableStatus(503, false, false)).toBe(false);
		expect(isRetryableStatus(502, false, true)).toBe(false);
		expect(isRetryableStatus(504, false, true)).toBe(false);
		expect(isRetryableStatus(502, true, false)).toBe(true);
		expect(isRetryableStatus(503, true, false)).toBe(true);
	});

	it('an unsent request is always retried; an ambiguous one only when idempotent', () => {
		expect(isRetryableNetworkError('unsent', false)).toBe(true);
		expect(isRetryableNetworkError('unsent', true)).toBe(true);
		expect(isRetryableNetworkError('ambiguous', true)).toBe(true);
		expect(isRetryableNetworkError('ambiguous', false)).toBe(false);
	});
});
