import type { INodeProperties, IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/**
 * An n8n date/time value (ISO string from the date picker, a Luxon DateTime or a JS Date from
 * an expression, epoch seconds or milliseconds) as epoch seconds, the unit CRM.COM uses.
 */
export function toEpochSeconds(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value > 1e11 ? Math.floor(value / 1000) : Math.floor(value);
	}
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (/^\d+$/.test(text)) return toEpochSeconds(node, Number(text), field, itemIndex);
	const ms = Date.parse(text);
	if (text === '' || Number.isNaN(ms)) {
		throw new NodeOperationError(node, `Invalid value: "${field}" must be a date and time`, {
			itemIndex,
			description: `Got "${text.slice(0, 40)}". Pick a date or use an ISO date such as 2026-01-31T09:00:00Z. Nothing was sent to the CRM.`,
		});
	}
	return Math.floor(ms / 1000);
}

/** Epoch seconds as an ISO date (for simplified output), or null. */
export function isoFromEpoch(value: unknown): string | null {
	return typeof value === 'number' && Number.isFinite(value)
		? new Date(value * 1000).toISOString()
		: null;
}

/** `{ field: [{ key, value }] }` from a key/value fixedCollection, as the API's list. */
export function keyValuePairs(collection: unknown): Array<{ key: string; value: string }> {
	const entries =
		(
			(collection ?? {}) as {
				field?: Array<{ key?: unknown; value?: unknown }>;
			}
		).field ?? [];
	return entries
		.filter((entry) => String(entry.key ?? '').trim() !== '')
		.map((entry) => ({
			key: String(entry.key).trim(),
			value: String(entry.value ?? ''),
		}));
}

/** Drops undefined values, so that an omitted field is not sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, v]) => v !== undefined && v !== ''),
	) as T;
}
