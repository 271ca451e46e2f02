import type { INodeProperties } from 'n8n-workflow';

import * as action from './action.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { action, create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Change State',
				value: 'action',
				action: 'Activate suspend or terminate an account',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an account for a contact',
			},
			{ name: 'Get', value: 'get', action: 'Get an account' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many accounts of a contact',
			},
			{ name: 'Update', value: 'update', action: 'Update an account' },
		],
		default: 'get',
	},
	...action.description,
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
