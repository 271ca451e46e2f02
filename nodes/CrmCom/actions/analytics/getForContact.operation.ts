import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idFrom } from '../../helpers/params';
import { crmComRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const properties: INodeProperties[] = [contactLocator, optionsCollection('read')];

export const option = {
	value: 'getForContact',
	name: 'Get for Contact',
	action: 'Get analytics for a contact',
} as const satisfies OperationOption;

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
			options: requestOptions(this, i),
		}),
		i,
	);
}
