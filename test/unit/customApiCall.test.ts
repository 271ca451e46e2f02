import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { jsonObjectParameter, queryParameters } from '../../nodes/shared/customApiCall';

const node = { name: 'Node' } as INode;

/** A context answering getNodeParameter from `parameters` (item 0). */
function ctx(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

const rows = (...pairs: Array<[string, string]>) => ({
	query: { parameter: pairs.map(([name, value]) => ({ name, value })) },
});

describe('queryParameters', () => {
	it('without a pattern leaves out empty names and keeps the last value of a name', () => {
		expect(queryParameters(ctx(rows(['a', '1'], [' ', '2'], ['a', '3'], [' b ', '4'])), 0)).toEqual(
			{
				a: '3',
				b: '4',
			},
		);
	});

	it('with a pattern names the row whose name does not match', () => {
		const c = ctx(rows(['ok', '1'], ['bad name', '2']));
		expect(() => queryParameters(c, 0, { namePattern: /^[a-z]+$/ })).toThrow(
			'Invalid value: "Query Parameters → 2 → Name" must be a parameter name',
		);
		expect(() => queryParameters(ctx(rows(['', '1'])), 0, { namePattern: /^[a-z]+$/ })).toThrow(
			'Query Parameters → 1 → Name',
		);
	});

	it('with repeat sends a name given twice as a list', () => {
		expect(
			queryParameters(ctx(rows(['id[]', '1'], ['id[]', '2'], ['x', '3'])), 0, { repeat: true }),
		).toEqual({ 'id[]': ['1', '2'], x: '3' });
	});

	it('reads no rows as no parameters', () => {
		expect(queryParameters(ctx({}), 0)).toEqual({});
	});
});

describe('jsonObjectParameter', () => {
	it('parses text, takes an object as it is and reads empty text as {}', () => {
		expect(jsonObjectParameter(ctx({ body: '{"a":1}' }), 'body', 'Body (JSON)', 0)).toEqual({
			a: 1,
		});
		expect(jsonObjectParameter(ctx({ body: { b: 2 } }), 'body', 'Body (JSON)', 0)).toEqual({
			b: 2,
		});
		expect(jsonObjectParameter(ctx({ body: '' }), 'body', 'Body (JSON)', 0)).toEqual({});
	});

	it.each([['{nope'], ['[1]'], ['3'], ['null']])('refuses %s naming the field', (raw) => {
		expect(() => jsonObjectParameter(ctx({ p: raw }), 'p', 'Parameters (JSON)', 0)).toThrow(
			'Invalid value: "Parameters (JSON)" must be a JSON object',
		);
	});
});
