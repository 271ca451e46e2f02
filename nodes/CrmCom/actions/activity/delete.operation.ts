import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { activityLocator } from '../helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	activityLocator,
	optionsCollection('concurrentWrite'),
];

export const option = crudOption('delete', 'activity');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'activityId', 'Activity', i);
	await crmCom.request(this, {
		method: 'DELETE',
		path: `activities/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ id: decodeURIComponent(id), deleted: true }, i);
}
