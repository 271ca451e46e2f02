import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { contactLocator } from '../helpers';
import { contactBody, contactFields } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	contactLocator,
	collectionField('Update Fields', 'updateFields', 'Add Field', contactFields),
	optionsCollection('concurrentWrite'),
];

export const concurrent = true;

export const option = crudOption('update', 'contact');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'contactId', 'Contact', i);
	const body = contactBody(
		this.getNode(),
		this.getNodeParameter('updateFields', i, {}) as IDataObject,
		i,
		false,
	);
	if (Object.keys(body).length === 0)
		throw fieldError(this.getNode(), 'Update Fields', 'needs at least one field to change', i);
	const reply = await crmCom.request(this, {
		method: 'PUT',
		path: `contacts/${id}`,
		body,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply, i);
}
