import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter, listOf } from '../../../shared/parameters';
import { validate } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { activityLocator, crmMultiDropdown } from '../helpers';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	activityLocator,
	crmMultiDropdown(
		'Tag',
		'tagIds',
		'getTags',
		'The tags replace those the activity has; none chosen removes all its tags. The list holds the tags seen on recent activities.',
	),
	optionsCollection('concurrentWrite'),
];

export const option = operationOption('setTags', 'Set Tags', 'Set the tags of an activity');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
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
