import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idFrom, requestOptionsOf } from '../../helpers/params';
import { crmComRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	contactLocator,
	optionsCollection('read'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['analytics'], operation: ['getForContact'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idFrom(this, 'contactId', 'Contact', i);
	return toItems(
		await crmComRequest(this, {
			method: 'GET',
			path: `contacts/${id}/analytics`,
			itemIndex: i,
			options: requestOptionsOf(this, i),
		}),
		i,
	);
}
