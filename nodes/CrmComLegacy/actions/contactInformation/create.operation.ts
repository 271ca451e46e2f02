import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	personOrCompanyField,
	collectionField,
	optionsCollection,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { legacy } from '../../transport';
import {
	fieldsSetOf,
	fieldsSetProperties,
	contactInformationBody,
	contactInformationFields,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('create', 'contact information');

export const description: INodeProperties[] = [
	personOrCompanyField,
	collectionField('Fields', 'fields', 'Add Field', contactInformationFields),
	...fieldsSetProperties,
	optionsCollection('write'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const type = this.getNodeParameter('type', i) as string;
	const body = contactInformationBody(
		this,
		this.getNodeParameter('fields', i, {}) as IDataObject,
		i,
	);
	if (type === 'PERSON' && !body.last_name)
		throw fieldError(this.getNode(), 'Last Name', 'is required for a person', i);
	if (type === 'COMPANY' && !body.company_name)
		throw fieldError(this.getNode(), 'Company Name', 'is required for a company', i);
	const fieldsSet = fieldsSetOf(this, i);
	const data = await legacy.request<IDataObject>(this, {
		method: 'POST',
		path: 'contact_information/create',
		body: { type, ...body, ...(fieldsSet ? { fields_set: fieldsSet } : {}) },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(data ?? {}, i);
}
