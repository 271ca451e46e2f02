import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	requestOptionsCollection,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { lighteningRequest } from '../../transport';
import { contactBody, customerIdsOf, customerIdsProperty } from './fields';

import { fieldsCollection, nameProperty, show } from './common';

export const description = updateDisplayOptions(show('create'), [
	{
		...customerIdsProperty,
		displayName: 'Customer ID',
		name: 'customerId',
		placeholder: '1',
		description: 'The customer the contact belongs to',
	},
	nameProperty,
	fieldsCollection('additionalFields', 'Additional Fields'),
	requestOptionsCollection(['concurrency', 'maxAttempts', 'retryBudget', 'timeout']),
]);
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const [customerId] = customerIdsOf(this.getNode(), this.getNodeParameter('customerId', i), i);
	const body = contactBody(
		this.getNode(),
		{
			name: this.getNodeParameter('name', i),
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		},
		i,
	);
	const reply = await lighteningRequest(this, {
		method: 'POST',
		path: 'contact',
		body: { customer_id: customerId, ...body },
		itemIndex: i,
		options: readRequestSettings(this, i).request,
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
