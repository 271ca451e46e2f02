import type { INodeProperties } from 'n8n-workflow';

const GUID_LIKE = '[0-9A-Za-z][0-9A-Za-z_-]*';

function locator(
	entity: string,
	name: string,
	plural: string,
	searchListMethod?: string,
): INodeProperties {
	return {
		displayName: `${entity[0].toUpperCase()}${entity.slice(1)}`,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		required: true,
		modes: [
			...(searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '4dc0809f-ed91-4b68-b912-5bd6064d901e',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${GUID_LIKE}$`,
							errorMessage: `Not a valid ${entity} ID`,
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://sandbox.crm.com/backoffice/v2/${plural}/4dc0809f-ed91-4b68-b912-5bd6064d901e`,
				extractValue: { type: 'regex', regex: `/${plural}/(${GUID_LIKE})` },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^https?://.+/${plural}/${GUID_LIKE}`,
							errorMessage: `Not a ${entity} URL`,
						},
					},
				],
			},
		],
	};
}

export const activityLocator = locator('activity', 'activityId', 'activities', 'searchActivities');
export const contactLocator = locator('contact', 'contactId', 'contacts', 'searchContacts');
export const accountLocator = locator('account', 'accountId', 'accounts');

/** Custom fields as key/value pairs (CRM.COM keys them by the field's unique key). */
export const customFieldsCollection: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					description: "The custom field's unique key",
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const sortOptions: INodeProperties = {
	displayName: 'Sort By',
	name: 'sort',
	type: 'options',
	options: [
		{ name: 'Created Date', value: 'CREATED_DATE' },
		{ name: 'Name', value: 'NAME' },
		{ name: 'Scheduled Date', value: 'SCHEDULED_DATE' },
		{ name: 'Updated Date', value: 'UPDATED_DATE' },
	],
	default: 'CREATED_DATE',
};

export const orderOptions: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'options',
	options: [
		{ name: 'Ascending', value: 'ASC' },
		{ name: 'Descending', value: 'DESC' },
	],
	default: 'DESC',
};
