import type { IExecuteFunctions, INode } from 'n8n-workflow';

import * as customApiCall from '../../nodes/shared/customApiCall';

/** The Custom API Call parts' descriptions and readers, option by option. */

const node = { name: 'Node' } as INode;

function ctx(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

describe('Custom API Call descriptions', () => {
	it('the dropdown entry', () => {
		expect(customApiCall.dropdownEntry('Call anything')).toEqual({
			value: 'apiCall',
			name: 'Custom API Call',
			action: 'Make a custom API call',
			description: 'Call anything',
		});
	});

	it('the Method dropdown keeps the order given, GET by default, descriptions only where given', () => {
		expect(customApiCall.methodProperty(['POST', 'GET'], { GET: 'Read' })).toEqual({
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'POST', value: 'POST' },
				{ name: 'GET', value: 'GET', description: 'Read' },
			],
			default: 'GET',
		});
	});

	it('Query Parameters: name and value rows, placeholders only where given', () => {
		const plain = customApiCall.queryParametersProperty();
		const withPlaceholders = customApiCall.queryParametersProperty({
			name: 'fields',
			value: 'all',
		});
		const fieldsOf = (p: typeof plain) =>
			(p.options as unknown as Array<{ values: Array<Record<string, unknown>> }>)[0].values;
		expect(plain).toMatchObject({ displayName: 'Query Parameters', name: 'query' });
		// the rows live under `parameter`, where queryParameters reads them
		expect(plain.options).toMatchObject([{ displayName: 'Parameter', name: 'parameter' }]);
		expect(fieldsOf(plain).map((f) => [f.displayName, f.name, f.placeholder])).toEqual([
			['Name', 'name', undefined],
			['Value', 'value', undefined],
		]);
		expect(fieldsOf(withPlaceholders).map((f) => [f.name, f.placeholder])).toEqual([
			['name', 'fields'],
			['value', 'all'],
		]);
	});

	it('Body (JSON) shows with the methods that send a body; its description only where given', () => {
		expect(customApiCall.jsonBodyProperty(['POST', 'PUT'], '{}')).toEqual({
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			displayOptions: { show: { method: ['POST', 'PUT'] } },
		});
		expect(customApiCall.jsonBodyProperty(['POST'], '', 'The body')).toMatchObject({
			default: '',
			description: 'The body',
		});
	});
});

describe('jsonBody', () => {
	it('reads the body for a method that sends one, POST by default', () => {
		expect(customApiCall.jsonBody(ctx({ body: '{"a":1}' }), 0, 'POST')).toEqual({ a: 1 });
		expect(customApiCall.jsonBody(ctx({ body: '{"a":1}' }), 0, 'PUT', ['PUT'])).toEqual({ a: 1 });
	});

	it('sends no body, and does not read the field, for a method that does not show it', () => {
		expect(customApiCall.jsonBody(ctx({ body: 'not json' }), 0, 'GET')).toBeUndefined();
		expect(customApiCall.jsonBody(ctx({ body: '{"a":1}' }), 0, 'POST', ['PUT'])).toBeUndefined();
	});

	it('refuses a body that is not a JSON object, naming the field', () => {
		expect(() => customApiCall.jsonBody(ctx({ body: '[1]' }), 0, 'POST')).toThrow(
			'Invalid value: "Body (JSON)" must be a JSON object',
		);
	});
});

describe('queryParameters: values', () => {
	it('sends a missing value as empty text and a number as its text', () => {
		const c = ctx({ query: { parameter: [{ name: 'a' }, { name: 'b', value: 3 }] } });
		expect(customApiCall.queryParameters(c, 0)).toEqual({ a: '', b: '3' });
	});

	it('leaves out a row without a name', () => {
		const c = ctx({ query: { parameter: [{ value: '1' }, { name: 'b', value: '2' }] } });
		expect(customApiCall.queryParameters(c, 0)).toEqual({ b: '2' });
	});

	it('with repeat, a third value joins the list', () => {
		const c = ctx({
			query: {
				parameter: [
					{ name: 'x', value: '1' },
					{ name: 'x', value: '2' },
					{ name: 'x', value: '3' },
				],
			},
		});
		expect(customApiCall.queryParameters(c, 0, { repeat: true })).toEqual({ x: ['1', '2', '3'] });
	});

	it('a JSON parameter that is missing reads as {}', () => {
		expect(customApiCall.jsonObjectParameter(ctx({}), 'body', 'Body (JSON)', 0)).toEqual({});
	});
});
