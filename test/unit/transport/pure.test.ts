import { retryAfterDelay } from '../../../nodes/shared/transport/retry';
import { DEFAULT_REQUEST_OPTIONS } from '../../../nodes/shared/transport/types';
import {
	checkBaseUrl,
	isLoopbackHost,
	joinUrl,
	pathEscape,
} from '../../../nodes/shared/transport/url';

/** The pure checks of issue #16 without a harness (fast enough for the mutation run). */
describe('pathEscape', () => {
	it.each([
		['contacts/%2e%2e/%2e%2e/admin/users/1', '".." segments'],
		['contacts/%2E%2e/admin', '".." segments'],
		['contacts/%252e%252e/admin', '".." segments'],
		['contacts/.', '".." segments'],
		['contacts\\..\\admin', 'backslash'],
		['https://evil.example/x', 'not a full URL'],
		['//evil.example/x', 'not a full URL'],
		['mailto:x', 'not a full URL'],
	])('%s is refused (%s)', (path, reason) => {
		expect(pathEscape(path)).toContain(reason);
		expect(pathEscape(path, true)).toContain(reason);
	});

	it('strict mode also splits at encoded slashes and refuses ?, #, spaces, controls, bad escapes', () => {
		expect(pathEscape('a%2F..%2Fb')).toBeUndefined();
		expect(pathEscape('a%2F..%2Fb', true)).toContain('".." segments');
		expect(pathEscape('a%5C..%5Cb', true)).toContain('".." segments');
		expect(pathEscape('a?b', true)).toContain('"?", "#" or spaces');
		expect(pathEscape('a#b', true)).toContain('"?", "#" or spaces');
		expect(pathEscape('a%20b', true)).toContain('"?", "#" or spaces');
		expect(pathEscape('a%7Fb', true)).toBe('must not contain control characters');
		expect(pathEscape('a%1Fb', true)).toBe('must not contain control characters');
		expect(pathEscape('a%zzb', true)).toBe('contains a malformed %-escape');
		expect(pathEscape('a%zzb')).toBeUndefined();
		expect(pathEscape('a%2525zz')).toBeUndefined();
		expect(pathEscape('contacts/4dc0/wallets', true)).toBeUndefined();
		expect(pathEscape('a..b/.c/..d', true)).toBeUndefined();
	});
});

describe('joinUrl', () => {
	it('joins, keeps encoded ids, refuses what leaves the base path', () => {
		expect(joinUrl('https://h/api', 'x')).toBe('https://h/api/x');
		expect(joinUrl('https://h/api//', '//x')).toBe('https://h/api/x');
		expect(joinUrl('https://h/api', 'x?a=1')).toBe('https://h/api/x?a=1');
		expect(() => joinUrl('https://h/api', '%2e%2e/v1')).toThrow(
			'The path "%2e%2e/v1" would leave the API\'s base URL: must not contain "." or ".." segments, in any encoding',
		);
		expect(() => joinUrl('not a url', 'x')).toThrow("would leave the API's base URL: refused");
	});
});

describe('checkBaseUrl and loopback', () => {
	it('https anywhere, plain http only on loopback', () => {
		expect(checkBaseUrl(' https://h/x/ ', 'F')).toBe('https://h/x');
		expect(checkBaseUrl('http://127.1.2.3:5/', 'F')).toBe('http://127.1.2.3:5');
		expect(() => checkBaseUrl('http://h', 'F')).toThrow('"F" must start with https://');
		expect(() => checkBaseUrl('', 'F')).toThrow('"F" is empty');
		expect(() => checkBaseUrl('https://h/?a', 'F')).toThrow('query string');
		expect(isLoopbackHost('localhost')).toBe(true);
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('127.evil.com')).toBe(false);
		expect(isLoopbackHost('[::1]')).toBe(true);
	});
});

describe('retryAfterDelay', () => {
	it('caps, then adds up to a fifth (at least 100 ms, at most Max Delay) of jitter', () => {
		const o = DEFAULT_REQUEST_OPTIONS;
		expect(retryAfterDelay(5000, o, () => 0)).toBe(5000);
		expect(retryAfterDelay(5000, o, () => 0.5)).toBe(5500);
		expect(retryAfterDelay(-5, o, () => 0.5)).toBe(50);
		expect(retryAfterDelay(400, o, () => 0.5)).toBe(450);
		expect(retryAfterDelay(600, o, () => 1)).toBe(720);
		expect(
			retryAfterDelay(10 * 60_000, { maxRetryAfterMs: 600_000, maxDelayMs: 1000 }, () => 1),
		).toBe(601_000);
		expect(retryAfterDelay(90_000, o, () => 0)).toBe(60_000);
	});
});
