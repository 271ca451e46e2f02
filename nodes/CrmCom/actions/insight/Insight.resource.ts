import type { INodeProperties } from 'n8n-workflow';

import * as addBreakdowns from './addBreakdowns.operation';
import * as addEvents from './addEvents.operation';
import * as addFilters from './addFilters.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportInsight from './export.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';
import * as preview from './preview.operation';
import * as update from './update.operation';

export {
	addBreakdowns,
	addEvents,
	addFilters,
	create,
	del as delete,
	exportInsight as export,
	get,
	getAll,
	getResults,
	preview,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insight'] } },
		options: [
			{ name: 'Add Breakdowns', value: 'addBreakdowns', action: 'Add breakdowns to an insight' },
			{ name: 'Add Events', value: 'addEvents', action: 'Add events to an insight' },
			{ name: 'Add Filters', value: 'addFilters', action: 'Add filters to an insight' },
			{ name: 'Create', value: 'create', action: 'Create an insight' },
			{ name: 'Delete', value: 'delete', action: 'Delete an insight' },
			{ name: 'Export', value: 'export', action: 'Export an insight' },
			{ name: 'Get', value: 'get', action: 'Get an insight' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many insights' },
			{ name: 'Get Results', value: 'getResults', action: 'Get the results of an insight' },
			{ name: 'Preview', value: 'preview', action: 'Preview an insight' },
			{ name: 'Update', value: 'update', action: 'Update an insight' },
		],
		default: 'getAll',
	},
	...addBreakdowns.description,
	...addEvents.description,
	...addFilters.description,
	...create.description,
	...del.description,
	...exportInsight.description,
	...get.description,
	...getAll.description,
	...getResults.description,
	...preview.description,
	...update.description,
];
