import {
	buildQueryString,
	checkBaseUrl,
	isLoopbackHost,
	joinUrl,
	pathEscape,
	pathSegment,
	withQuery,
} from '../../../nodes/shared/transport/url';

/** Cases the mutation run (stryker.slice.mjs) found unchecked in the URL helpers. */
describe('isLoopbackHost', () => {
	it('only the loopback names and whole 127.x.y.z addresses', () => {
		expect(isLoopbackHost('::1')).toBe(true);
		expect(isLoopbackHost('127.255.0.9')).toBe(true);
		expect(isLoopbackHost('127.1.22.33')).toBe(true);
		expect(isLoopbackHost('127.0.0.1.evil.com')).toBe(false);
		expect(isLoopbackHost('x127.0.0.1')).toBe(false);
		expect(isLoopbackHost('127.0.0')).toBe(false);
		expect(isLoopbackHost('')).toBe(false);
		expect(isLoopbackHost('example.com')).toBe(false);
	});
});

describe('checkBaseUrl', () => {
	it('names the field in every refusal, and says which rule was broken', () => {
		expect(() => checkBaseUrl(undefined, 'Base URL')).toThrow(
			'The credential field "Base URL" is empty: enter the API\'s https:// URL',
		);
		expect(() => checkBaseUrl('   ', 'Base URL')).toThrow('"Base URL" is empty');
		expect(() => checkBaseUrl(42, 'Base URL')).toThrow('"Base URL" is empty');
		expect(() => checkBaseUrl('https//x', 'Base URL')).toThrow(
			'The credential field "Base URL" is not a valid URL',
		);
		expect(() => checkBaseUrl('ftp://h/x', 'Base URL')).toThrow(
			'The credential field "Base URL" must start with https:// (plain http is only allowed for localhost)',
		);
		expect(() => checkBaseUrl('https://h/x#a', 'Base URL')).toThrow(
			'The credential field "Base URL" must not contain a query string or #fragment',
		);
		expect(() => checkBaseUrl('https://h/x?a=1', 'Base URL')).toThrow('#fragment');
	});

	it('plain http is refused on a host that is not loopback, https is kept as is', () => {
		expect(() => checkBaseUrl('http://example.com', 'F')).toThrow('must start with https://');
		expect(() => checkBaseUrl('ftp://localhost/x', 'F')).toThrow('must start with https://');
		expect(checkBaseUrl('http://localhost:8080/api/', 'F')).toBe('http://localhost:8080/api');
		expect(checkBaseUrl('https://h.example/a/b///', 'F')).toBe('https://h.example/a/b');
		expect(checkBaseUrl('https://h.example', 'F')).toBe('https://h.example');
		// pasted with no-break spaces around it: trimmed as any white space
		expect(checkBaseUrl('\u00a0https://h.example/x\u00a0', 'F')).toBe('https://h.example/x');
	});
});

describe('pathSegment', () => {
	it('trims, encodes everything that could leave the segment, refuses empty, "." and ".."', () => {
		expect(pathSegment(' a/b?c#d e ')).toBe('a%2Fb%3Fc%23d%20e');
		expect(pathSegment(12)).toBe('12');
		expect(pathSegment('..a')).toBe('..a');
		expect(() => pathSegment('  ', 'Contact ID')).toThrow('"Contact ID" is empty');
		expect(() => pathSegment('', 'Contact ID')).toThrow('"Contact ID" is empty');
		expect(() => pathSegment(' . ', 'Contact ID')).toThrow('"Contact ID" cannot be "."');
		expect(() => pathSegment('..', 'Contact ID')).toThrow('"Contact ID" cannot be ".."');
		expect(() => pathSegment('..')).toThrow('"ID" cannot be ".."');
	});
});

describe('pathEscape: decoding', () => {
	it('decodes repeatedly; a later round that fails keeps what was decoded so far', () => {
		expect(pathEscape('a/%25252e%25252e/b')).toContain('".." segments');
		expect(pathEscape('a/%2525zz', true)).toBeUndefined();
		expect(pathEscape('a/%25zz/b', true)).toBeUndefined();
		expect(pathEscape('a/%zz/b', true)).toBe('contains a malformed %-escape');
	});

	it('a full URL is refused whatever its scheme, a single leading slash is a path', () => {
		expect(pathEscape('HTTPS://evil.example')).toContain('not a full URL');
		expect(pathEscape('x-y+z.1:rest')).toContain('not a full URL');
		expect(pathEscape('\\\\evil.example/x')).toContain('not a full URL');
		expect(pathEscape('/\\evil.example/x')).toContain('not a full URL');
		expect(pathEscape('/contacts/1')).toBeUndefined();
		expect(pathEscape('contacts//1')).toBeUndefined();
		expect(pathEscape('contacts/1:2')).toBeUndefined();
		expect(pathEscape('1x:y')).toBeUndefined();
		expect(pathEscape('a\\b')).toBe('must not contain a backslash');
	});

	it('non-strict: an encoded slash is data; strict: it splits and spaces/controls are refused', () => {
		expect(pathEscape('a%2F.%2Fb')).toBeUndefined();
		expect(pathEscape('a%2F.%2Fb', true)).toContain('".." segments');
		expect(pathEscape('a%20b')).toBeUndefined();
		expect(pathEscape('a%09b', true)).toContain('"?", "#" or spaces');
		expect(pathEscape('a%00b', true)).toBe('must not contain control characters');
		expect(pathEscape('a%19b', true)).toBe('must not contain control characters');
		expect(pathEscape('a%7Eb', true)).toBeUndefined();
		expect(pathEscape('a b')).toBeUndefined();
		expect(pathEscape('a?b')).toBeUndefined();
		expect(pathEscape('./a')).toBe('must not contain "." or ".." segments, in any encoding');
	});
});

describe('joinUrl', () => {
	it('checks only the path part, and refuses a path that leaves the base path', () => {
		expect(joinUrl('https://h/api/', '/x/y?next=../..#..')).toBe('https://h/api/x/y?next=../..#..');
		expect(() => joinUrl('https://h/api', '../other')).toThrow(
			'The path "../other" would leave the API\'s base URL: must not contain "." or ".." segments, in any encoding',
		);
		expect(joinUrl('https://h', 'a')).toBe('https://h/a');
	});
});

describe('buildQueryString and withQuery', () => {
	it('leaves out null and undefined, encodes keys but keeps brackets, joins with &', () => {
		expect(buildQueryString(undefined)).toBe('');
		expect(buildQueryString({})).toBe('');
		expect(buildQueryString({ a: null as never, b: undefined, 'k y': 'v', 'x[a]': 1 })).toBe(
			'k%20y=v&x[a]=1',
		);
		expect(buildQueryString({ 'ids[]': 'a,b' })).toBe('ids[]=a%2Cb');
		expect(buildQueryString({ 'ids[]': ['a b', 2] })).toBe('ids[]=a%20b&ids[]=2');
		expect(buildQueryString({ n: [1], t: true })).toBe('n=1&t=true');
	});

	it('appends with ? or &, and returns the URL as it was when there is no query', () => {
		expect(withQuery('https://h/x', { a: 1 })).toBe('https://h/x?a=1');
		expect(withQuery('https://h/x?z=0', { a: 1 })).toBe('https://h/x?z=0&a=1');
		expect(withQuery('https://h/x', {})).toBe('https://h/x');
		expect(withQuery('https://h/x', undefined)).toBe('https://h/x');
	});
});
