import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pagingOf, requestOptions } from '../../../shared/client';
import { crmCom } from '../../transport';
import type { OperationOption } from '../../../shared/operations';

export const description: INodeProperties[] = [...returnAllOrLimit, optionsCollection('pagedList')];

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many insights',
} as const satisfies OperationOption;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const records = await crmCom.list<IDataObject>(
		this,
		{ path: 'insights', itemIndex: i, options: requestOptions(this, i) },
		pagingOf(this, i),
	);
	return toItems(records, i);
}
