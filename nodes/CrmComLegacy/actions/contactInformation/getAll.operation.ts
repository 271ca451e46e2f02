import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { legacy } from '../../transport';
import { pagingOf, requestOptions } from '../../../shared/client';
import { fieldsSetOf, fieldsSetProperties } from './helpers';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contact informations',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['contactInformation'], operation: ['getAll'] } },
	[...returnAllOrLimit, ...fieldsSetProperties, optionsCollection('list')],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const records = await legacy.list<IDataObject>(
		this,
		{
			path: 'contact_information/list',
			qs: { fields_set: fieldsSetOf(this, i) },
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(records, i);
}
