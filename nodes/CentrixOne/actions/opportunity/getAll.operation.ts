import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	choiceField,
	optionsCollection,
	returnAllOrLimit,
	stringField,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { baseFilterPart, centrix } from '../../transport';
import { fieldsOf, filtersOf } from '../contact/helpers';
import { textParameter } from '../../../shared/parameters';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { pagingOf, requestOptions } from '../../../shared/client';

export const option = crudOption('getAll', 'opportunities');

export const description: INodeProperties[] = [
	{
		displayName: 'List Name or ID',
		name: 'listId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: '',
		required: true,
		description:
			'The list whose opportunities to read. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	choiceField(
		'Filter Mode',
		'filterMode',
		[
			['None', 'none'],
			['Raw (Experts)', 'raw'],
		],
		'none',
	),
	stringField('Raw Filters', 'rawFilters', {
		typeOptions: { rows: 3 },
		displayOptions: { show: { filterMode: ['raw'] } },
		description: 'Elements separated by TAB, conditions by line breaks',
	}),
	stringField('More Fields', 'moreFields', {
		description: 'Field names, comma-separated (empty: all fields)',
	}),
	...returnAllOrLimit,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	let filter: string;
	try {
		filter = baseFilterPart('S', textParameter(this, 'listId', i));
	} catch (error) {
		throw fieldError(this.getNode(), 'List', (error as Error).message, i);
	}
	const rows = await centrix.list(
		this,
		{
			path: 'Opportunities',
			baseFilter: filter,
			qs: { fields: fieldsOf(this, i), filters: filtersOf(this, i) },
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(rows, i);
}
