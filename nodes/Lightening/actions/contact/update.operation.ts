import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { lightening } from '../../transport';
import {
	contactBody,
	contactIdProperty,
	fieldsCollection,
	listCustomerIdsProperty,
	nameProperty,
} from './helpers';

import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('update', 'contact');

export const description: INodeProperties[] = [
	listCustomerIdsProperty,
	contactIdProperty,
	{
		...nameProperty,
		description: 'Lightening requires the name on every update (at most 64 characters)',
	},
	fieldsCollection('updateFields', 'Update Fields'),
	optionsCollection('concurrentWrite'),
];
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'contactId', 'Contact ID', i);
	const body = contactBody(
		this.getNode(),
		{
			name: this.getNodeParameter('name', i),
			...(this.getNodeParameter('updateFields', i, {}) as IDataObject),
		},
		i,
	);
	const reply = await lightening.request(this, {
		method: 'POST',
		path: `contact/${id}`,
		body,
		idempotent: true,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(
		{ id: decodeURIComponent(id), ...body, portal_password: undefined, _result: reply.msg },
		i,
	);
}
