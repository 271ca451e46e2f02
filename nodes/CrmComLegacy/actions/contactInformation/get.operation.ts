import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { legacy } from '../../transport';
import {
	fieldsSetOf,
	fieldsSetProperties,
	identifierOf,
	identifierProperties,
	legacySimplified,
	legacySimplifyProperty,
	simplifyContactInformation,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('get', 'contact information');

export const description: INodeProperties[] = [
	...identifierProperties,
	...fieldsSetProperties,
	legacySimplifyProperty,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const { key, value } = identifierOf(this, i);
	const data = await legacy.request<IDataObject>(this, {
		method: 'GET',
		path: 'contact_information/show',
		qs: { contact_information_identifier: `${key}=${value}`, fields_set: fieldsSetOf(this, i) },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(legacySimplified(this, i, data ?? {}, simplifyContactInformation), i);
}
