import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { lightening } from '../../transport';
import {
	contactBody,
	customerIdsOf,
	customerIdsProperty,
	fieldsCollection,
	nameProperty,
} from './helpers';

import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('create', 'contact');

export const description: INodeProperties[] = [
	{
		...customerIdsProperty,
		displayName: 'Customer ID',
		name: 'customerId',
		placeholder: '1',
		description: 'The customer the contact belongs to',
	},
	nameProperty,
	fieldsCollection('additionalFields', 'Additional Fields'),
	optionsCollection('concurrentWrite'),
];
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const [customerId] = customerIdsOf(this.getNode(), this.getNodeParameter('customerId', i), i);
	const body = contactBody(
		this.getNode(),
		{
			name: this.getNodeParameter('name', i),
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		},
		i,
	);
	const reply = await lightening.request(this, {
		method: 'POST',
		path: 'contact',
		body: { customer_id: customerId, ...body },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(
		{
			id: reply.id,
			customer_id: customerId,
			...body,
			portal_password: undefined,
			_result: reply.msg,
		},
		i,
	);
}
