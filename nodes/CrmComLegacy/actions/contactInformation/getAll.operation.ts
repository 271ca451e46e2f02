import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { legacy } from '../../transport';
import { pagingOf, requestOptions } from '../../../shared/client';
import {
	fieldsSetOf,
	fieldsSetProperties,
	legacySimplified,
	legacySimplifyProperty,
	simplifyContactInformation,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const option = crudOption('getAll', 'contact informations');

export const description: INodeProperties[] = [
	...returnAllOrLimit,
	...fieldsSetProperties,
	legacySimplifyProperty,
	optionsCollection('list'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const records = await legacy.list<IDataObject>(
		this,
		{
			path: 'contact_information/list',
			qs: { fields_set: fieldsSetOf(this, i) },
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(legacySimplified(this, i, records, simplifyContactInformation), i);
}
