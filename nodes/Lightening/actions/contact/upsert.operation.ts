import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	requestOptionsCollection,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pathSegment } from '../../../shared/transport/url';
import { lighteningRequest, listContacts } from '../../transport';
import { fieldsCollection, nameProperty, show } from './common';
import { contactBody, customerIdsOf, customerIdsProperty } from './fields';
import { textParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';

export const description = updateDisplayOptions(show('upsert'), [
	{
		...customerIdsProperty,
		displayName: 'Customer ID',
		name: 'customerId',
		placeholder: '1',
		description: 'The customer within which the email is looked up',
	},
	{
		displayName: 'Email',
		name: 'matchEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description:
			'The contact with this email (within the customer) is updated; if none has it, a contact is created',
	},
	nameProperty,
	fieldsCollection('additionalFields', 'Additional Fields'),
	requestOptionsCollection(['maxAttempts', 'retryBudget', 'timeout']),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const [customerId] = customerIdsOf(node, this.getNodeParameter('customerId', i), i);
	const email = textParameter(this, 'matchEmail', i);
	if (email === '') throw fieldError(node, 'Email', 'is required: the contact is found by it', i);
	const body = contactBody(
		node,
		{
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name: this.getNodeParameter('name', i),
			email,
		},
		i,
	);
	const options = readRequestSettings(this, i).request;
	const matches = (await listContacts(this, [customerId], i, options)).filter(
		(c) => String(c.email ?? '').toLowerCase() === email.toLowerCase(),
	);
	if (matches.length > 1) {
		throw new NodeOperationError(
			node,
			`${matches.length} contacts of customer ${customerId} have the email ${email}: nothing was changed`,
			{
				itemIndex: i,
				description: `Contact IDs: ${matches.map((m) => String(m.id)).join(', ')}`,
			},
		);
	}
	if (matches.length === 1) {
		const id = String(matches[0].id);
		await lighteningRequest(this, {
			method: 'POST',
			path: `contact/${pathSegment(id)}`,
			body,
			idempotent: true,
			itemIndex: i,
			options,
		});
		return toItems(
			{ id, customer_id: customerId, ...body, portal_password: undefined, _upsert: 'updated' },
			i,
		);
	}
	const reply = await lighteningRequest(this, {
		method: 'POST',
		path: 'contact',
		body: { customer_id: customerId, ...body },
		itemIndex: i,
		options,
	});
	return toItems(
		{
			id: reply.id,
			customer_id: customerId,
			...body,
			portal_password: undefined,
			_upsert: 'created',
		},
		i,
	);
}
