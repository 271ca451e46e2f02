import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { legacy } from '../../transport';
import { fieldsSetOf, fieldsSetProperties, identifierOf, identifierProperties } from './helpers';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact information',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['contactInformation'], operation: ['get'] } },
	[...identifierProperties, ...fieldsSetProperties, optionsCollection('read')],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { key, value } = identifierOf(this, i);
	const data = await legacy.request<IDataObject>(this, {
		method: 'GET',
		path: 'contact_information/show',
		qs: { contact_information_identifier: `${key}=${value}`, fields_set: fieldsSetOf(this, i) },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(data ?? {}, i);
}
