import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pagingOf, requestOptions } from '../../../shared/client';
import { crmCom } from '../../transport';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [...returnAllOrLimit, optionsCollection('pagedList')];

export const option = crudOption('getAll', 'insights');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const records = await crmCom.list<IDataObject>(
		this,
		{ path: 'insights', itemIndex: i, options: requestOptions(this, i) },
		pagingOf(this, i),
	);
	return toItems(records, i);
}
