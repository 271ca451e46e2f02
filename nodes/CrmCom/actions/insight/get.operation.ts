import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { crmComRequest } from '../../transport';
import { insightIdOf, insightIdProperty } from './common';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const properties: INodeProperties[] = [insightIdProperty, optionsCollection('read')];

export const option = {
	value: 'get',
	name: 'Get',
	action: 'Get an insight',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return toItems(
		await crmComRequest(this, {
			method: 'GET',
			path: `insights/${insightIdOf(this, i)}`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
