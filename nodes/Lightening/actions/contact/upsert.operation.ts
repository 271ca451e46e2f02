import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, stringField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pathSegment } from '../../../shared/transport/url';
import { contactsOf, lightening } from '../../transport';
import {
	fieldsCollection,
	nameProperty,
	contactBody,
	customerIdsOf,
	customerIdsProperty,
} from './helpers';
import { textParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('upsert', 'contact');

export const description: INodeProperties[] = [
	{
		...customerIdsProperty,
		displayName: 'Customer ID',
		name: 'customerId',
		placeholder: '1',
		description: 'The customer within which the email is looked up',
	},
	stringField('Email', 'matchEmail', {
		placeholder: 'name@email.com',
		required: true,
		description:
			'The contact with this email (within the customer) is updated; if none has it, a contact is created',
	}),
	nameProperty,
	fieldsCollection('additionalFields', 'Additional Fields'),
	optionsCollection('write'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
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
	const options = requestOptions(this, i);
	const matches = (
		await lightening.list(
			this,
			{ ...contactsOf([customerId]), itemIndex: i, options },
			{ returnAll: true },
		)
	).filter((c) => String(c.email ?? '').toLowerCase() === email.toLowerCase());
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
		await lightening.request(this, {
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
	const reply = await lightening.request(this, {
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
