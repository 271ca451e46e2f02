import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	readRequestSettings,
	optionsCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { crmComList, pagingFrom } from '../../transport';
import type { OperationOption } from '../../../shared/operations';

const properties: INodeProperties[] = [...returnAllOrLimit, optionsCollection('pagedList')];

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many insights',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const settings = readRequestSettings(this, i);
	const records = await crmComList<IDataObject>(
		this,
		{ path: 'insights', itemIndex: i, options: settings.request },
		pagingFrom(this, i, settings),
	);
	return toItems(records, i);
}
