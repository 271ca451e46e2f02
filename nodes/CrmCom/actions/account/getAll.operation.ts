import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	booleanField,
	choiceField,
	collectionField,
	optionsCollection,
	returnAllOrLimit,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter, listOf } from '../../../shared/parameters';
import { pagingOf, requestOptions } from '../../../shared/client';
import { crmCom } from '../../transport';
import { contactLocator, orderOptions } from '../helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const ACCOUNT_STATES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Suspended', value: 'SUSPENDED' },
	{ name: 'Terminated', value: 'TERMINATED' },
];

export const description: INodeProperties[] = [
	{ ...contactLocator, description: 'The contact whose accounts to list' },
	...returnAllOrLimit,
	collectionField('Filters', 'filters', 'Add Filter', [
		booleanField('Only Primary', 'isPrimary', true, 'Whether to return only the primary account'),
		{ ...orderOptions },
		choiceField(
			'Sort By',
			'sort',
			[
				['Created Date', 'CREATED_DATE'],
				['Name', 'NAME'],
				['Updated Date', 'UPDATED_DATE'],
			],
			'CREATED_DATE',
		),
		{
			displayName: 'States',
			name: 'states',
			type: 'multiOptions',
			options: ACCOUNT_STATES,
			default: [],
		},
	]),
	optionsCollection('pagedList'),
];

export const option = crudOption('getAll', 'accounts of a contact');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const contactId = idParameter(this, 'contactId', 'Contact', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const states = listOf(filters.states);
	const records = await crmCom.list<IDataObject>(
		this,
		{
			path: `contacts/${contactId}/accounts`,
			qs: {
				is_primary: filters.isPrimary === true ? true : undefined,
				state: states.length ? states : undefined,
				sort: filters.sort as string | undefined,
				order: filters.order as string | undefined,
			},
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(records, i);
}
