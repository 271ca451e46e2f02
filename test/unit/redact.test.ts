import { NodeApiError } from 'n8n-workflow';

import { Redactor } from '../../nodes/shared/redact';
import { testNode } from '../lib/testNode';

const node = testNode;
const KEY = 'Zk9-secret/key+with=chars';

describe('Redactor', () => {
	const redactor = Redactor.fromCredentials({ apiKey: KEY, account: '123', baseUrl: 'https://x' }, [
		'apiKey',
	]);

	it('removes a key placed in a URL path segment and in a query string, raw and encoded', () => {
		const url = `https://api.example.com/Contacts-123-${KEY}-all.awp?token=${encodeURIComponent(KEY)}`;
		const out = redactor.text(`GET ${url} failed`);
		expect(out).not.toContain(KEY);
		expect(out).not.toContain(encodeURIComponent(KEY));
		expect(out).toBe(
			'GET https://api.example.com/Contacts-123-[redacted]-all.awp?token=[redacted] failed',
		);
	});

	it('removes base64 forms (Basic auth) and generic bearer tokens', () => {
		const basic = Buffer.from(KEY).toString('base64');
		expect(redactor.text(`Authorization: Basic ${basic}`)).not.toContain(basic);
		expect(redactor.text('authorization: Bearer eyJhbGciOi.eyJzdWIiOi.sig')).toBe(
			'authorization: Bearer [redacted]',
		);
	});

	it('redacts secrets in nested objects and JSON fields named like secrets', () => {
		const out = redactor.value({ a: [{ b: `x${KEY}y` }], c: '{"password":"hunter22"}' });
		expect(JSON.stringify(out)).not.toContain(KEY);
		expect(out.c).toBe('{"password":"[redacted]"}');
	});

	it("redacts an error's message, description, context and drops raw request options from its cause", () => {
		const cause = Object.assign(new Error(`connect to /x/${KEY}`), {
			config: { url: `/x/${KEY}`, headers: { api_key: KEY } },
		});
		const error = new NodeApiError(
			node,
			{ message: `bad ${KEY}` },
			{ message: `bad ${KEY}`, description: `path /x/${KEY}` },
		);
		error.context = { url: `/x/${KEY}` };
		(error as unknown as { cause: unknown }).cause = cause;
		redactor.error(error);
		const shown = JSON.stringify({
			m: error.message,
			d: error.description,
			c: error.context,
			cause: (error as unknown as { cause: unknown }).cause,
			s: error.stack,
		});
		expect(shown).not.toContain(KEY);
		expect(error.message).toBe('bad [redacted]');
	});

	it('leaves short or empty values alone (they would blank out ordinary words)', () => {
		const short = new Redactor(['ab', '', undefined]);
		expect(short.text('abc')).toBe('abc');
	});
});

describe('Redactor: tokens it was never told about', () => {
	it('removes any JWT, wherever it appears', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl';
		const out = new Redactor([]).text(
			`call failed: /crmapi/rest/v2/x?token=${jwt} and {"t":"${jwt}"}`,
		);
		expect(out).not.toContain('eyJzdWIiOiJkZW1vIn0');
	});
});

import { buildQueryString } from '../../nodes/shared/transport/url';

describe('buildQueryString', () => {
	it('joins arrays as CSV, repeats `key[]` arrays, keeps bracket keys, drops undefined', () => {
		expect(
			buildQueryString({
				states: ['A', 'B'],
				'customer_id[]': [1, 2],
				'created_on[gte]': 5,
				skip: undefined,
				q: 'a b&c',
			}),
		).toBe('states=A%2CB&customer_id[]=1&customer_id[]=2&created_on[gte]=5&q=a%20b%26c');
	});
});
