import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { validate } from '../../../shared/validation';
import { idFrom } from '../../helpers/params';
import { listOf } from '../../../shared/parameters';
import { crmComRequest } from '../../transport';
import { activityLocator } from '../common.descriptions';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const properties: INodeProperties[] = [
	activityLocator,
	{
		displayName: 'Tag IDs',
		name: 'tagIds',
		type: 'string',
		default: '',
		required: true,
		description:
			'Comma-separated tag identifiers. They replace the tags the activity has; leave empty to remove all tags.',
	},
	optionsCollection('concurrentWrite'),
];

export const option = {
	value: 'setTags',
	name: 'Set Tags',
	action: 'Set the tags of an activity',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['activity'], operation: ['setTags'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idFrom(this, 'activityId', 'Activity', i);
	const tags = validate(
		this.getNode(),
		z.array(z.string().regex(/^[0-9A-Za-z_-]+$/, 'must be tag IDs separated by commas')),
		listOf(this.getNodeParameter('tagIds', i, '')),
		{ '': 'Tag IDs' },
		i,
	);
	const reply = await crmComRequest(this, {
		method: 'PUT',
		path: `activities/${id}/tags`,
		body: { tags },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ ...reply, tags }, i);
}
