import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTags from './getTags.operation';
import * as setTags from './setTags.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, getTags, setTags, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an activity',
				description: 'Create a new activity for a contact',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete an activity' },
			{ name: 'Get', value: 'get', action: 'Get an activity' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many activities',
				description: 'List activities with filters',
			},
			{
				name: 'Get Tags',
				value: 'getTags',
				action: 'Get the tags of an activity',
			},
			{
				name: 'Set Tags',
				value: 'setTags',
				action: 'Set the tags of an activity',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an activity',
				description: 'Change fields or the state (complete, cancel) of an activity',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...getTags.description,
	...setTags.description,
	...update.description,
];
