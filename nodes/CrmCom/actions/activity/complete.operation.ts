import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../../../shared/client';
import { optionsCollection } from '../../../shared/descriptions';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { idParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { crmCom } from '../../transport';
import { activityLocator } from '../helpers';

export const option = operationOption(
	'complete',
	'Complete',
	'Complete an activity',
	'Set the state of an activity to Completed',
);

export const description: INodeProperties[] = [
	activityLocator,
	optionsCollection('concurrentWrite'),
];

/** `PUT /activities/{id}` with the state only: completing twice leaves it completed. */
export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'activityId', 'Activity', i);
	const reply = await crmCom.request(this, {
		method: 'PUT',
		path: `activities/${id}`,
		body: { state: 'COMPLETED' },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply, i);
}
