import {
	backoffDelay,
	classifyNetworkError,
	isRetryableStatus,
	parseRetryAfter,
} from '../../../nodes/shared/transport/retry';

describe('retry policy', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');

	it('parses Retry-After as seconds and as an HTTP date', () => {
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
		expect(parseRetryAfter(new Date(now + 4000).toUTCString(), now)).toBe(4000);
		expect(parseRetryAfter(new Date(now - 4000).toUTCString(), now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('full jitter stays within [0, min(max, base * 2^attempt)]', () => {
		const options = { baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(0, options, () => 0.999)).toBe(99);
		expect(backoffDelay(3, options, () => 0.999)).toBe(799);
		expect(backoffDelay(10, options, () => 0.999)).toBe(999);
		expect(backoffDelay(10, options, () => 0)).toBe(0);
	});

	it.each([
		[429, false, false, true],
		[503, false, true, true],
		[503, false, false, false],
		[502, false, true, false],
		[504, true, false, true],
		[500, true, false, false],
		[404, true, false, false],
	])('status %i idempotent=%s retryAfter=%s -> %s', (status, idempotent, retryAfter, expected) => {
		expect(isRetryableStatus(status, idempotent, retryAfter)).toBe(expected);
	});

	it('classifies network errors as unsent or ambiguous through causes', () => {
		expect(classifyNetworkError({ code: 'ECONNREFUSED' })).toBe('unsent');
		expect(classifyNetworkError({ message: 'wrapped', cause: { code: 'ECONNRESET' } })).toBe(
			'ambiguous',
		);
		expect(classifyNetworkError(new Error('socket hang up'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('timeout of 30000ms exceeded'))).toBe('ambiguous');
		expect(classifyNetworkError(new Error('Invalid JSON'))).toBeUndefined();
	});
});
