import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	booleanField,
	collectionField,
	optionsCollection,
	returnAllOrLimit,
	simplifiedIf,
	simplifyProperty,
	stringField,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pagingOf, requestOptions } from '../../../shared/client';
import type { QueryValue } from '../../../shared/transport/types';
import { listOf } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';
import {
	keyValuePairs,
	toEpochSeconds,
	crmMultiDropdown,
	customFieldsCollectionFor,
	orderOptions,
	sortOptions,
} from '../helpers';
import { crmCom, DEFAULT_PAGE_SIZE } from '../../transport';
import {
	ACTIVITY_STATES,
	activityTypesFilter,
	assignedTeamFilter,
	assignedUserFilter,
	simplifyActivity,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [
	...returnAllOrLimit,
	collectionField('Filters', 'filters', 'Add Filter', [
		assignedTeamFilter,
		assignedUserFilter,
		{
			displayName: 'Completed After',
			name: 'completedAfter',
			type: 'dateTime',
			default: '',
			description: 'Completed on or after this date',
		},
		{
			displayName: 'Completed Before',
			name: 'completedBefore',
			type: 'dateTime',
			default: '',
			description: 'Completed on or before this date',
		},
		stringField('Contact ID', 'contactId'),
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Created on or after this date',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Created on or before this date',
		},
		{
			...customFieldsCollectionFor('activity'),
			description:
				'Only activities whose custom fields have all these values (sent as key;value pairs separated by commas, so neither may contain "," or ";")',
		},
		booleanField(
			'Include Custom Fields',
			'includeCustomFields',
			false,
			'Whether to return custom fields',
		),
		booleanField('Include Tags', 'includeTags', false, 'Whether to return tags'),
		{ displayName: 'Lead ID', name: 'leadId', type: 'string', default: '' },
		{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '' },
		{ ...orderOptions },
		stringField('Search Value', 'searchValue', {
			description:
				'Matches names like this text. CRM.COM searches are slow (seconds): raise Timeout in Options if needed.',
		}),
		stringField('Service Request ID', 'serviceRequestId'),
		{ ...sortOptions },
		{
			displayName: 'States',
			name: 'states',
			type: 'multiOptions',
			options: ACTIVITY_STATES,
			default: [],
		},
		crmMultiDropdown('Tag', 'tagIds', 'getTags', 'Tags seen on recent activities.'),
		activityTypesFilter,
	]),
	simplifyProperty,
	optionsCollection('pagedList', { pageSize: DEFAULT_PAGE_SIZE }),
];

export const option = crudOption('getAll', 'activities', {
	description: 'List activities with filters',
});

/** The documented list filters, from the Filters collection of item `i`. */
export function activityQuery(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	i: number,
): Record<string, QueryValue | undefined> {
	const node = ctx.getNode();
	const date = (key: string, label: string) =>
		filters[key] ? toEpochSeconds(node, filters[key], label, i) : undefined;
	const text = (key: string) =>
		typeof filters[key] === 'string' && filters[key] !== ''
			? String(filters[key]).trim()
			: undefined;
	const customFields = keyValuePairs(filters.customFields).map(({ key, value }, k) => {
		if (/[,;]/.test(key) || /[,;]/.test(value))
			throw fieldError(
				node,
				`Filters → Custom Fields → ${k + 1}`,
				'must not contain "," or ";" (CRM.COM reads them as separators)',
				i,
			);
		return `${key};${value}`;
	});
	const lists = (key: string) => (listOf(filters[key]).length ? listOf(filters[key]) : undefined);
	return {
		search_value: text('searchValue'),
		types: lists('types'),
		contact_id: text('contactId'),
		service_request_id: text('serviceRequestId'),
		lead_id: text('leadId'),
		order_id: text('orderId'),
		states: lists('states'),
		tag_ids: lists('tagIds'),
		include_tags: filters.includeTags === true ? true : undefined,
		'created_on[gte]': date('createdAfter', 'Created After'),
		'created_on[lte]': date('createdBefore', 'Created Before'),
		'completed_on[gte]': date('completedAfter', 'Completed After'),
		'completed_on[lte]': date('completedBefore', 'Completed Before'),
		assign_to_user_id: text('assignToUserId'),
		assign_to_team_id: text('assignToTeamId'),
		custom_fields: customFields.length ? customFields : undefined,
		include_custom_fields: filters.includeCustomFields === true ? true : undefined,
		sort: text('sort'),
		order: text('order'),
	};
}

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const records = await crmCom.list(
		this,
		{
			path: 'activities',
			qs: activityQuery(this, filters, i),
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(simplifiedIf(this, i, records, simplifyActivity), i);
}
