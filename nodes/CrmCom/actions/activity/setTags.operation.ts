import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter, listOf } from '../../../shared/parameters';
import { validate } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { activityLocator } from '../helpers';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
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

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idParameter(this, 'activityId', 'Activity', i);
	const tags = validate(
		this.getNode(),
		z.array(z.string().regex(/^[0-9A-Za-z_-]+$/, 'must be tag IDs separated by commas')),
		listOf(this.getNodeParameter('tagIds', i, '')),
		{ '': 'Tag IDs' },
		i,
	);
	const reply = await crmCom.request(this, {
		method: 'PUT',
		path: `activities/${id}/tags`,
		body: { tags },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ ...reply, tags }, i);
}
