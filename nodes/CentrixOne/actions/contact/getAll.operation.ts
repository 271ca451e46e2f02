import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	simplifyProperty,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { listOf } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { singleShot } from '../../../shared/transport/paginate';
import { fieldError } from '../../../shared/validation';
import { baseFilterPart, centrixList } from '../../transport';
import { CONTACT_FIELD_OPTIONS, expandFieldName, simplifyContact } from './fields';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

/** The documented operators; option values are words because n8n reads a leading "=" as an expression. */
export const OPERATORS = [
	{ name: 'Contains ([=])', value: 'contains', symbol: '[=]' },
	{ name: 'Ends With (=])', value: 'endsWith', symbol: '=]' },
	{ name: 'Equals (=)', value: 'equals', symbol: '=' },
	{ name: 'Greater or Equal (>=)', value: 'gte', symbol: '>=' },
	{ name: 'Greater Than (>)', value: 'gt', symbol: '>' },
	{ name: 'Less or Equal (<=)', value: 'lte', symbol: '<=' },
	{ name: 'Less Than (<)', value: 'lt', symbol: '<' },
	{ name: 'Not Equal (<>)', value: 'notEquals', symbol: '<>' },
	{ name: 'Starts With ([=)', value: 'startsWith', symbol: '[=' },
];

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contacts',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	[
		{
			displayName: 'Contact IDs',
			name: 'ids',
			type: 'string',
			default: '',
			placeholder: '1234, 125',
			description: 'Only these contacts (comma-separated)',
		},
		{
			displayName: 'External IDs',
			name: 'externalIds',
			type: 'string',
			default: '',
			description: 'Only these External IDs (comma-separated)',
		},
		{
			displayName: 'List Names or IDs',
			name: 'lists',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLists' },
			default: [],
			description:
				'Only contacts of these lists (all conditions are joined with AND). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Filter Mode',
			name: 'filterMode',
			type: 'options',
			options: [
				{ name: 'Conditions', value: 'conditions' },
				{ name: 'None', value: 'none' },
				{ name: 'Raw (Experts)', value: 'raw' },
			],
			default: 'none',
		},
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			displayOptions: { show: { filterMode: ['conditions'] } },
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field',
							name: 'field',
							type: 'string',
							default: '',
							placeholder: 'Company',
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: OPERATORS.map(({ name, value }) => ({ name, value })),
							default: 'equals',
						},
						{
							displayName: 'Prefix',
							name: 'prefix',
							type: 'string',
							default: '',
							placeholder: 'AND(',
							description: 'E.g. (, ((, AND, OR, AND(, OR(.',
						},
						{
							displayName: 'Suffix',
							name: 'suffix',
							type: 'string',
							default: '',
							placeholder: ')',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Compared without regard to case',
						},
					],
				},
			],
		},
		{
			displayName: 'Raw Filters',
			name: 'rawFilters',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			displayOptions: { show: { filterMode: ['raw'] } },
			description:
				'The filters parameter as CentrixOne reads it: elements separated by TAB, conditions by line breaks',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: CONTACT_FIELD_OPTIONS.map((f) => ({ name: f.name, value: f.value })),
			default: [],
			description: 'Only these fields (none selected: all fields)',
		},
		{
			displayName: 'More Fields',
			name: 'moreFields',
			type: 'string',
			default: '',
			placeholder: 'cs_SalesRep1, CC_Region',
			description:
				'Other field names, comma-separated: cs_ for list fields, CC_/AC_/CCS_/ACS_ abbreviations',
		},
		...returnAllOrLimit,
		simplifyProperty,
		optionsCollection('read'),
	],
);

const CONTROL = /[\t\r\n]/;

/** The TAB/LF `filters` value of item `i`; any TAB or line break inside an element is refused. */
export function filtersOf(ctx: IExecuteFunctions, i: number): string | undefined {
	const mode = ctx.getNodeParameter('filterMode', i, 'none') as string;
	if (mode === 'raw') {
		// only spaces and line breaks are trimmed: a leading or trailing TAB is an (empty) element
		const raw = String(ctx.getNodeParameter('rawFilters', i, '') ?? '')
			.replace(/\r\n?/g, '\n')
			.replace(/^[ \n]+|[ \n]+$/g, '');
		for (const [k, line] of raw.split('\n').entries()) {
			if (line.split('\t').length !== 5)
				throw fieldError(
					ctx.getNode(),
					'Raw Filters',
					`line ${k + 1} must have 5 TAB-separated elements (prefix, field, operator, value, suffix)`,
					i,
				);
		}
		return raw || undefined;
	}
	if (mode !== 'conditions') return undefined;
	const conditions =
		((ctx.getNodeParameter('conditions', i, {}) as IDataObject).condition as
			| IDataObject[]
			| undefined) ?? [];
	const lines = conditions.map((c, k) => {
		const parts = ['prefix', 'field', 'operator', 'value', 'suffix'].map((key) =>
			String(c[key] ?? ''),
		);
		for (const [p, part] of parts.entries()) {
			if (CONTROL.test(part))
				throw fieldError(
					ctx.getNode(),
					`Conditions → ${k + 1} → ${['Prefix', 'Field', 'Operator', 'Value', 'Suffix'][p]}`,
					'must not contain a TAB or a line break (it would change the filter)',
					i,
				);
		}
		if (!parts[1].trim())
			throw fieldError(ctx.getNode(), `Conditions → ${k + 1} → Field`, 'must not be empty', i);
		parts[1] = expandFieldName(parts[1].trim());
		const operator = OPERATORS.find((o) => o.value === parts[2] || o.symbol === parts[2]);
		if (!operator) {
			throw fieldError(
				ctx.getNode(),
				`Conditions → ${k + 1} → Operator`,
				'must be one of the listed operators',
				i,
			);
		}
		parts[2] = operator.symbol;
		return parts.join('\t');
	});
	return lines.length ? lines.join('\n') : undefined;
}

export function fieldsOf(ctx: IExecuteFunctions, i: number): string {
	const picked = ctx.getNodeParameter('fields', i, []) as string[];
	const more = listOf(ctx.getNodeParameter('moreFields', i, ''));
	for (const name of more) {
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
			throw fieldError(
				ctx.getNode(),
				'More Fields',
				`has an invalid field name "${name}" (letters, digits, _ only)`,
				i,
			);
	}
	const all = [
		...picked,
		...more.map((f) =>
			f.toLowerCase().startsWith('cs_') ? `cs_${expandFieldName(f.slice(3))}` : expandFieldName(f),
		),
	];
	return all.length ? all.join(',') : 'all';
}

export function baseFilterOf(ctx: IExecuteFunctions, i: number): string {
	const split = (name: string) => listOf(ctx.getNodeParameter(name, i, ''));
	const parts: string[] = [];
	try {
		for (const id of split('ids')) parts.push(baseFilterPart('C', id));
		for (const id of split('externalIds')) parts.push(baseFilterPart('E', id));
		for (const id of (ctx.getNodeParameter('lists', i, []) as Array<string | number>).map(String))
			parts.push(baseFilterPart('S', id));
	} catch (error) {
		throw fieldError(
			ctx.getNode(),
			'Contact IDs / External IDs / Lists',
			(error as Error).message,
			i,
		);
	}
	return parts.length ? parts.join(',') : 'all';
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const qs = { fields: fieldsOf(this, i), filters: filtersOf(this, i) };
	const baseFilter = baseFilterOf(this, i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const rows = await singleShot(
		async () => await centrixList(this, 'Contacts', baseFilter, qs, i, requestOptions(this, i)),
		{
			returnAll,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
		},
	);
	return toItems(
		(this.getNodeParameter('simplify', i, true) as boolean) ? rows.map(simplifyContact) : rows,
		i,
	);
}
