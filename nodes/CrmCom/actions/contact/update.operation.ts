import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, optionsCollection } from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { contactLocator, updateRecord } from '../helpers';
import { contactBody, contactFields } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

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
	return await updateRecord(this, i, `contacts/${id}`, body);
}
