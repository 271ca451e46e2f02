import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	simplifiedIf,
	simplifyProperty,
	stringField,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pagingOf, requestOptions } from '../../../shared/client';
import { crmCom, DEFAULT_PAGE_SIZE } from '../../transport';
import { includeCustomFieldsProperty, simplifyContact } from './helpers';
import { textParameter } from '../../../shared/parameters';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [
	...returnAllOrLimit,
	stringField('Search', 'searchValue', {
		description:
			'Matches name, email, code or phone like this text. CRM.COM searches are slow (seconds): raise Timeout in Options if needed.',
	}),
	includeCustomFieldsProperty,
	simplifyProperty,
	optionsCollection('pagedList', { pageSize: DEFAULT_PAGE_SIZE }),
];

export const option = crudOption('getAll', 'contacts');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const search = textParameter(this, 'searchValue', i);
	const include = this.getNodeParameter('includeCustomFields', i, false) as boolean;
	const records = await crmCom.list<IDataObject>(
		this,
		{
			path: 'contacts',
			qs: {
				search_value: search || undefined,
				include_custom_fields: include ? true : undefined,
			},
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(simplifiedIf(this, i, records, simplifyContact), i);
}
