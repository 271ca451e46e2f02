import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOf, textParameter } from '../../shared/parameters';
import { fieldError } from '../../shared/validation';

/** Fields of a contact information the API can return, for `fields_set`. */
export const KNOWN_FIELDS = [
	'addresses_set',
	'category',
	'company_name',
	'demographics',
	'emails_set',
	'first_name',
	'id',
	'last_name',
	'middle_name',
	'name',
	'notes',
	'number',
	'phones_set',
	'preferred_language',
	'title',
	'type',
];

export const fieldsSetProperties: INodeProperties[] = [
	{
		displayName: 'Return Fields',
		name: 'fieldsSet',
		type: 'multiOptions',
		options: KNOWN_FIELDS.map((f) => ({ name: f, value: f })),
		default: [],
		description: 'Only these fields are returned (fields_set); none selected returns all',
	},
	{
		displayName: 'More Return Fields',
		name: 'fieldsSetExtra',
		type: 'string',
		default: '',
		placeholder: 'custom_field_1,accounts_set',
		description: 'Other field names, comma-separated',
	},
];

/** The `fields_set` value of item `i`, or undefined for all fields. */
export function fieldsSetOf(ctx: IExecuteFunctions, i: number): string | undefined {
	const picked = ctx.getNodeParameter('fieldsSet', i, []) as string[];
	const extra = listOf(ctx.getNodeParameter('fieldsSetExtra', i, ''));
	for (const field of extra) {
		if (!/^[A-Za-z0-9_.]+$/.test(field))
			throw fieldError(
				ctx.getNode(),
				'More Return Fields',
				`has an invalid field name "${field}"`,
				i,
			);
	}
	const all = [...new Set([...picked, ...extra])];
	return all.length ? all.join(',') : undefined;
}

export const IDENTIFIER_TYPES = [
	{ name: 'ID', value: 'id' },
	{ name: 'Number', value: 'number' },
	{ name: 'Name', value: 'name' },
	{ name: 'Alternative Code', value: 'alternative_code' },
];

export const identifierProperties: INodeProperties[] = [
	{
		displayName: 'Identify By',
		name: 'identifierType',
		type: 'options',
		options: IDENTIFIER_TYPES,
		default: 'number',
	},
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'CI000111',
	},
];

/** The contact information identifier of item `i`: type and value, checked. */
export function identifierOf(ctx: IExecuteFunctions, i: number): { key: string; value: string } {
	const key = String(ctx.getNodeParameter('identifierType', i));
	const value = textParameter(ctx, 'identifier', i);
	if (!IDENTIFIER_TYPES.some((t) => t.value === key))
		throw fieldError(
			ctx.getNode(),
			'Identify By',
			'must be ID, Number, Name or Alternative Code',
			i,
		);
	if (value === '') throw fieldError(ctx.getNode(), 'Identifier', 'must not be empty', i);
	if (/[&#\r\n]/.test(value))
		throw fieldError(ctx.getNode(), 'Identifier', 'must not contain &, # or line breaks', i);
	return { key, value };
}

export type { IDataObject };
