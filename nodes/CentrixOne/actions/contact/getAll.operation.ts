import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	choiceField,
	optionsCollection,
	returnAllOrLimit,
	simplifiedIf,
	simplifyProperty,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { centrix } from '../../transport';
import {
	baseFilterOf,
	CONTACT_FIELD_OPTIONS,
	fieldsOf,
	filtersOf,
	OPERATORS,
	simplifyContact,
} from './helpers';
import { crudOption } from '../../../shared/operations';
import { pagingOf, requestOptions } from '../../../shared/client';

export const option = crudOption('getAll', 'contacts');

export const description: INodeProperties[] = [
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
	choiceField(
		'Filter Mode',
		'filterMode',
		[
			['Conditions', 'conditions'],
			['None', 'none'],
			['Raw (Experts)', 'raw'],
		],
		'none',
	),
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
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const qs = { fields: fieldsOf(this, i), filters: filtersOf(this, i) };
	const baseFilter = baseFilterOf(this, i);
	const rows = await centrix.list(
		this,
		{ path: 'Contacts', baseFilter, qs, itemIndex: i, options: requestOptions(this, i) },
		pagingOf(this, i),
	);
	return toItems(simplifiedIf(this, i, rows, simplifyContact), i);
}
