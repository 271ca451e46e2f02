import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { deleteRecord } from '../helpers';
import { insightIdProperty } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [insightIdProperty, optionsCollection('write')];

export const option = crudOption('delete', 'insight');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'insightId', 'Insight ID', i);
	return await deleteRecord(this, i, `insights/${id}`, id);
}
