import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idFrom } from '../../helpers/params';
import { crmComRequest } from '../../transport';
import { activityLocator } from '../common.descriptions';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const properties: INodeProperties[] = [activityLocator, optionsCollection('concurrentWrite')];

export const option = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an activity',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['activity'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idFrom(this, 'activityId', 'Activity', i);
	await crmComRequest(this, {
		method: 'DELETE',
		path: `activities/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ id: decodeURIComponent(id), deleted: true }, i);
}
