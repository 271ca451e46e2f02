import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyProperty, simplifiedIf } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { activityLocator } from '../helpers';
import { simplifyActivity } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	activityLocator,
	simplifyProperty,
	optionsCollection('read'),
];

export const option = crudOption('get', 'activity');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'activityId', 'Activity', i);
	const activity = await crmCom.request(this, {
		method: 'GET',
		path: `activities/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(simplifiedIf(this, i, activity, simplifyActivity), i);
}
