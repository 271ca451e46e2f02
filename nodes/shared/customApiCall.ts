import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { repeatableField, stringField } from './descriptions';
import type { OperationOption } from './operations';
import { fieldError } from './validation';

/**
 * The parts every CRM's Custom API Call is made of: its dropdown entry, the Method, Query
 * Parameters and Body (JSON) fields, and the readers of those fields. Imported as a namespace:
 * `customApiCall.methodProperty(['GET', 'POST'])`. What differs per CRM (the
 * path field and its check, paging) stays in the CRM's `custom/apiCall.operation.ts`.
 */

/** The Custom API Call entry of a Custom resource's Operation dropdown. */
export function dropdownEntry(description: string) {
	return {
		value: 'apiCall',
		name: 'Custom API Call',
		action: 'Make a custom API call',
		description,
	} as const satisfies OperationOption;
}

/** The Method dropdown: `methods` in order, each with its description where one is given. */
export function methodProperty(
	methods: readonly string[],
	descriptions: Partial<Record<string, string>> = {},
): INodeProperties {
	return {
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: methods.map((m) => ({
			name: m,
			value: m,
			...(descriptions[m] ? { description: descriptions[m] } : {}),
		})),
		default: 'GET',
	};
}

/** Query Parameters: name/value pairs, with optional placeholders for the two fields. */
export function queryParametersProperty(
	placeholders: { name?: string; value?: string } = {},
): INodeProperties {
	const field = (displayName: string, name: string, placeholder?: string) =>
		stringField(displayName, name, placeholder ? { placeholder } : {});
	return repeatableField(
		'Query Parameters',
		'query',
		['Parameter', 'parameter'],
		[field('Name', 'name', placeholders.name), field('Value', 'value', placeholders.value)],
	);
}

/** Body (JSON), shown for the methods that send a body. */
export function jsonBodyProperty(
	methods: readonly string[],
	defaultValue: string,
	description?: string,
): INodeProperties {
	return {
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: defaultValue,
		...(description ? { description } : {}),
		displayOptions: { show: { method: [...methods] } },
	};
}

/**
 * The Query Parameters of item `i`. With `namePattern`, every name must match it (an error
 * naming the row otherwise); without, rows with an empty name are left out. With `repeat`, a
 * name given twice is sent twice (a list); without, the last value wins.
 */
export function queryParameters(
	ctx: IExecuteFunctions,
	i: number,
	rules: { namePattern?: RegExp; repeat?: boolean } = {},
): Record<string, string | string[]> {
	const rows =
		(
			ctx.getNodeParameter('query', i, {}) as {
				parameter?: Array<{ name?: unknown; value?: unknown }>;
			}
		).parameter ?? [];
	const qs: Record<string, string | string[]> = {};
	for (const [k, row] of rows.entries()) {
		const name = String(row.name ?? '').trim();
		if (rules.namePattern && !rules.namePattern.test(name))
			throw fieldError(
				ctx.getNode(),
				`Query Parameters → ${k + 1} → Name`,
				'must be a parameter name',
				i,
			);
		if (!name) continue;
		const value = String(row.value ?? '');
		const previous = qs[name];
		qs[name] =
			rules.repeat && previous !== undefined
				? [...(Array.isArray(previous) ? previous : [previous]), value]
				: value;
	}
	return qs;
}

/**
 * A JSON parameter of item `i` that must hold an object (`{}` when empty); the error names the
 * field by `label`.
 */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): IDataObject {
	const raw = ctx.getNodeParameter(name, i, '{}') as unknown;
	let value: unknown;
	try {
		value = typeof raw === 'string' ? JSON.parse(raw || '{}') : raw;
		// Stryker disable next-line BlockStatement: equivalent, the catch holds no statement
	} catch {
		// not JSON: refused below, as any value that is not an object
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw fieldError(ctx.getNode(), label, 'must be a JSON object', i);
	return value as IDataObject;
}

/**
 * The Body (JSON) of item `i` (`jsonBodyProperty`) when `method` is one of `methods` (those that
 * show the field), else undefined: a body is never sent with a method that does not show it.
 */
export function jsonBody(
	ctx: IExecuteFunctions,
	i: number,
	method: string,
	methods: readonly string[] = ['POST'],
): IDataObject | undefined {
	return methods.includes(method) ? jsonObjectParameter(ctx, 'body', 'Body (JSON)', i) : undefined;
}
