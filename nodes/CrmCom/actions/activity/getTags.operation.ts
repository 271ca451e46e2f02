import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { activityLocator } from '../helpers';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [activityLocator, optionsCollection('read')];

export const option = operationOption('getTags', 'Get Tags', 'Get the tags of an activity');

/** One output item per tag of the activity. */
export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'activityId', 'Activity', i);
	const reply = await crmCom.request<{ content?: IDataObject[] }>(this, {
		method: 'GET',
		path: `activities/${id}/tags`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(Array.isArray(reply.content) ? reply.content : [], i);
}
