import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	optionsCollection,
	simplifyProperty,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idFrom } from '../../helpers/params';
import { crmComRequest } from '../../transport';
import { activityLocator } from '../common.descriptions';
import { simplifyActivity } from './simplify';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const properties: INodeProperties[] = [
	activityLocator,
	simplifyProperty,
	optionsCollection('read'),
];

export const option = {
	value: 'get',
	name: 'Get',
	action: 'Get an activity',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['activity'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idFrom(this, 'activityId', 'Activity', i);
	const activity = await crmComRequest(this, {
		method: 'GET',
		path: `activities/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems(simplify ? simplifyActivity(activity) : (activity as IDataObject), i);
}
