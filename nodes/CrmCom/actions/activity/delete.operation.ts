import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { activityLocator, deleteRecord } from '../helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [
	activityLocator,
	optionsCollection('concurrentWrite'),
];

export const option = crudOption('delete', 'activity');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'activityId', 'Activity', i);
	return await deleteRecord(this, i, `activities/${id}`, id);
}
