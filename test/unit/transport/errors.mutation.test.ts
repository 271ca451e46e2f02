import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { REDACTED, Redactor } from '../../../nodes/shared/redact';
import {
	apiError,
	asNodeError,
	bodyExcerpt,
	defaultReadError,
	normaliseHeaders,
	replyFromError,
} from '../../../nodes/shared/transport/errors';
import { testNode } from '../../lib/testNode';

/** Cases the mutation run (stryker.slice.mjs) found unchecked in the error helpers. */
const node = testNode;
const SECRET = 'ERR-SECRET-4411';
const redactor = new Redactor([SECRET]);

describe('replyFromError', () => {
	it('finds the reply on the error or its causes, down to the fourth level', () => {
		const response = { status: 404, headers: { 'X-A': '1' }, data: { m: 1 } };
		expect(replyFromError({ response })).toEqual({
			statusCode: 404,
			headers: { 'x-a': '1' },
			body: { m: 1 },
		});
		const wrap = (levels: number): object => {
			let error: object = { response };
			for (let i = 1; i < levels; i++) error = { message: 'w', cause: error };
			return error;
		};
		expect(replyFromError(wrap(4))?.statusCode).toBe(404);
		expect(replyFromError(wrap(5))).toBeUndefined();
	});

	it('uses body when there is no data, skips a response without a numeric status', () => {
		expect(replyFromError({ response: { status: 500, body: 'b' } })?.body).toBe('b');
		expect(replyFromError({ response: { status: 500, data: 0, body: 'b' } })?.body).toBe(0);
		expect(replyFromError({ response: { status: '500' } })).toBeUndefined();
		expect(
			replyFromError({ response: { status: '500' }, cause: { response: { status: 502 } } })
				?.statusCode,
		).toBe(502);
		expect(replyFromError(undefined)).toBeUndefined();
		expect(replyFromError('x')).toBeUndefined();
	});
});

describe('normaliseHeaders', () => {
	it('lower-cases names, joins repeated values, drops empty ones, reads toJSON', () => {
		expect(normaliseHeaders({ A: '1', B: ['x', 'y'], C: undefined, D: null, E: 5 })).toEqual({
			a: '1',
			b: 'x, y',
			e: '5',
		});
		expect(normaliseHeaders({ toJSON: () => ({ 'Retry-After': '3' }) })).toEqual({
			'retry-after': '3',
		});
		expect(normaliseHeaders(undefined)).toEqual({});
		expect(normaliseHeaders('a: b')).toEqual({});
	});
});

describe('bodyExcerpt', () => {
	it('flattens white space, compacts JSON, cuts at the limit with an ellipsis', () => {
		expect(bodyExcerpt(undefined)).toBe('');
		expect(bodyExcerpt(null)).toBe('');
		expect(bodyExcerpt('  a \n\t b  ')).toBe('a b');
		expect(bodyExcerpt({ a: [1, 2] })).toBe('{"a":[1,2]}');
		expect(bodyExcerpt('abcdef', 3)).toBe('abc…');
		expect(bodyExcerpt('abc', 3)).toBe('abc');
		expect(bodyExcerpt('x'.repeat(301))).toBe(`${'x'.repeat(300)}…`);
		expect(bodyExcerpt('x'.repeat(300))).toBe('x'.repeat(300));
	});
});

describe('defaultReadError', () => {
	it.each([
		[{ message: 'm', error: 'e' }, 'm'],
		[{ error: 'e', description: 'd' }, 'e'],
		[{ description: 'd', detail: 't' }, 'd'],
		[{ detail: 't' }, 't'],
		[{ message: '', error: 'e' }, 'e'],
		[{ message: 5, detail: 't' }, 't'],
		[{ other: 1 }, '{"other":1}'],
		[['message'], '["message"]'],
		['plain text', 'plain text'],
		['', 'HTTP 418'],
		[undefined, 'HTTP 418'],
	])('%j -> %s', (body, message) => {
		expect(defaultReadError({ statusCode: 418, headers: {}, body })).toEqual({
			message,
			httpCode: 418,
		});
	});
});

describe('apiError', () => {
	it('the CRM message after the display name, redacted; description, hint and attempts', () => {
		const error = apiError(
			node,
			'CRM',
			{ message: `bad ${SECRET}`, description: `field ${SECRET}`, httpCode: 404 },
			redactor,
			2,
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`CRM: bad ${REDACTED}`);
		expect(error.description).toBe(
			`field ${REDACTED} Hint: Check the ID: the record does not exist or is not visible to this credential. Gave up after 3 attempts.`,
		);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(2);
	});

	it('its own hint wins; no hint for an unknown status; one attempt is not mentioned', () => {
		expect(
			apiError(node, 'CRM', { message: 'm', httpCode: 429, hint: 'Wait.' }, redactor, 0, 1)
				.description,
		).toBe('Hint: Wait.');
		expect(apiError(node, 'CRM', { message: 'm', httpCode: 418 }, redactor).description ?? '').toBe(
			'',
		);
		expect(apiError(node, 'CRM', { message: 'm' }, redactor, 0, 2).description).toBe(
			'Gave up after 2 attempts.',
		);
		expect(apiError(node, 'CRM', { message: 'm' }, redactor).httpCode).toBeNull();
	});

	it.each([
		[400, 'Check the fields of this item against the API documentation.'],
		[401, 'Check the credential: the key or token was refused.'],
		[403, 'The credential is valid but lacks the permission for this call.'],
		[409, 'The record changed or already exists.'],
		[422, 'Check the fields of this item against the API documentation.'],
		[425, 'The service refused a request that may be replayed; try again later.'],
		[429, 'The service is rate limiting: lower Concurrency or raise the retry budget in Options.'],
		[500, 'The service failed; try again later.'],
		[502, 'The service is unreachable behind its gateway; try again later.'],
		[503, 'The service is unavailable; try again later or raise the retry budget in Options.'],
		[504, 'The service timed out; try again later or raise Timeout in Options.'],
	])('HTTP %i hints: %s', (httpCode, hint) => {
		expect(apiError(node, 'CRM', { message: 'm', httpCode }, redactor).description).toBe(
			`Hint: ${hint}`,
		);
	});
});

describe('asNodeError', () => {
	it('a node error keeps its class and context, gains the item, and is redacted', () => {
		const error = new NodeOperationError(node, `bad ${SECRET}`);
		error.context = { kept: 1 };
		const out = asNodeError(node, error, redactor, 5);
		expect(out).toBe(error);
		expect(out.message).toBe(`bad ${REDACTED}`);
		expect(out.context).toEqual({ kept: 1, itemIndex: 5 });
		const apiErr = new NodeApiError(node, { message: 'x' });
		expect(asNodeError(node, apiErr, redactor).context.itemIndex).toBeUndefined();
	});

	it('anything else becomes a NodeOperationError with its message, redacted', () => {
		const out = asNodeError(node, new Error(`boom ${SECRET}`), redactor, 1);
		expect(out).toBeInstanceOf(NodeOperationError);
		expect(out.message).toBe(`boom ${REDACTED}`);
		expect(out.context.itemIndex).toBe(1);
		expect(asNodeError(node, `text ${SECRET}`, redactor).message).toBe(`text ${REDACTED}`);
	});
});

describe('replyFromError (second mutation run)', () => {
	it('a null error, or a null cause, carries no reply', () => {
		expect(replyFromError(null)).toBeUndefined();
		expect(replyFromError({ message: 'x', cause: null })).toBeUndefined();
	});
});
