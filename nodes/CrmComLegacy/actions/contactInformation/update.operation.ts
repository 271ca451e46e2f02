import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { legacy } from '../../transport';
import {
	fieldsSetOf,
	fieldsSetProperties,
	identifierOf,
	identifierProperties,
	contactInformationBody,
	contactInformationFields,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('update', 'contact information');

export const description: INodeProperties[] = [
	...identifierProperties,
	collectionField('Update Fields', 'updateFields', 'Add Field', contactInformationFields),
	...fieldsSetProperties,
	optionsCollection('write'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const { key, value } = identifierOf(this, i);
	const body = contactInformationBody(
		this,
		this.getNodeParameter('updateFields', i, {}) as IDataObject,
		i,
	);
	if (Object.keys(body).length === 0)
		throw fieldError(this.getNode(), 'Update Fields', 'needs at least one field to change', i);
	const fieldsSet = fieldsSetOf(this, i);
	const data = await legacy.request<IDataObject>(this, {
		method: 'POST',
		path: 'contact_information/update',
		body: {
			contact_information_identifier: { [key]: value },
			...body,
			...(fieldsSet ? { fields_set: fieldsSet } : {}),
		},
		// an update sets the same values again: safe to repeat
		idempotent: true,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(data ?? {}, i);
}
