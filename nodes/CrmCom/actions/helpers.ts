import type { INodeProperties, IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordLocator } from '../../shared/locator';
import { choiceField, keyValueField, stringField } from '../../shared/descriptions';
import { requestOptions } from '../../shared/client';
import type { OperationItems } from '../../shared/operations';
import { toItems } from '../../shared/router';
import { fieldError } from '../../shared/validation';
import { crmCom } from '../transport';

const GUID_LIKE = '[0-9A-Za-z][0-9A-Za-z_-]*';
const GUID_EXAMPLE = '4dc0809f-ed91-4b68-b912-5bd6064d901e';

function locator(
	entity: string,
	name: string,
	plural: string,
	searchListMethod?: string,
	url = true,
): INodeProperties {
	return recordLocator({
		node: 'crmCom',
		displayName: `${entity[0].toUpperCase()}${entity.slice(1)}`,
		name,
		searchListMethod,
		idPattern: GUID_LIKE,
		idPlaceholder: GUID_EXAMPLE,
		...(url
			? {
					urlPath: plural,
					urlPlaceholder: `https://sandbox.crm.com/backoffice/v2/${plural}/${GUID_EXAMPLE}`,
				}
			: {}),
	});
}

export const activityLocator = locator('activity', 'activityId', 'activities', 'searchActivities');
export const contactLocator = locator('contact', 'contactId', 'contacts', 'searchContacts');
/** The API has no list of accounts (only a contact's accounts): By ID and By URL. */
export const accountLocator = locator('account', 'accountId', 'accounts');
export const insightLocator = locator('insight', 'insightId', 'insights', 'searchInsights');
/** The API has no list of organisations and no organisation URL: By ID only. */
export const organisationLocator = locator(
	'organisation',
	'organisationId',
	'organisations',
	undefined,
	false,
);

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * A dropdown loaded from CRM.COM whose value is the plain ID a text field held before, so stored
 * workflows keep working. When the CRM refuses the list, the dropdown says so and the ID is typed
 * as an expression.
 */
export const crmDropdown = (label: string, name: string, method: string, hint = '') =>
	loadedDropdown(false, label, name, method, hint);

/** Several values from a CRM.COM dropdown (e.g. tags). */
export const crmMultiDropdown = (label: string, name: string, method: string, hint = '') =>
	loadedDropdown(true, label, name, method, hint);

function loadedDropdown(
	multi: boolean,
	label: string,
	name: string,
	loadOptionsMethod: string,
	hint: string,
): INodeProperties {
	return {
		displayName: `${label} ${multi ? 'Names or IDs' : 'Name or ID'}`,
		name,
		type: multi ? 'multiOptions' : 'options',
		typeOptions: { loadOptionsMethod },
		default: multi ? [] : '',
		description: `${hint ? `${hint} ` : ''}Choose from the list, or specify ${multi ? 'IDs' : 'an ID'} using an ${EXPRESSION_LINK}`,
	};
}

/**
 * Custom fields as key/value pairs (CRM.COM keys them by the field's unique key); the keys are
 * offered from those seen on recent records of the entity.
 */
export function customFieldsCollectionFor(entity: 'contact' | 'activity'): INodeProperties {
	const method = entity === 'contact' ? 'getContactCustomFieldKeys' : 'getActivityCustomFieldKeys';
	const records = entity === 'contact' ? 'contacts' : 'activities';
	return keyValueField(
		'Custom Fields',
		'customFields',
		crmDropdown(
			'Key',
			'key',
			method,
			`The custom field's unique key; the list holds the keys seen on recent ${records}.`,
		),
	);
}

/** Custom fields as key/value pairs (CRM.COM keys them by the field's unique key). */
export const customFieldsCollection: INodeProperties = keyValueField(
	'Custom Fields',
	'customFields',
	stringField('Key', 'key', { description: "The custom field's unique key" }),
);

export const sortOptions: INodeProperties = choiceField(
	'Sort By',
	'sort',
	[
		['Created Date', 'CREATED_DATE'],
		['Name', 'NAME'],
		['Scheduled Date', 'SCHEDULED_DATE'],
		['Updated Date', 'UPDATED_DATE'],
	],
	'CREATED_DATE',
);

export const orderOptions: INodeProperties = choiceField(
	'Order',
	'order',
	[
		['Ascending', 'ASC'],
		['Descending', 'DESC'],
	],
	'DESC',
);

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

/**
 * "Fields to Clear" of an Update: nullable API fields the user wants emptied, sent as null
 * (an empty text field means "leave unchanged", so clearing needs its own choice).
 */
export function fieldsToClearProperty(
	options: Array<{ name: string; value: string }>,
): INodeProperties {
	return {
		displayName: 'Fields to Clear',
		name: 'fieldsToClear',
		type: 'multiOptions',
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: [],
		description:
			'Fields to empty on the record (sent as null). An empty field above is left unchanged.',
	};
}

/**
 * Adds `key: null` to `body` for each field to clear of item `i`; a field both set and cleared,
 * or one the operation does not offer, is refused by name.
 */
export function withClearedFields(
	node: INode,
	body: IDataObject,
	chosen: unknown,
	options: Array<{ name: string; value: string }>,
	i: number,
): IDataObject {
	const out = { ...body };
	const list = Array.isArray(chosen) ? chosen : chosen ? String(chosen).split(',') : [];
	for (const raw of list) {
		const key = String(raw).trim();
		if (key === '') continue;
		const option = options.find((o) => o.value === key);
		if (!option)
			throw new NodeOperationError(node, `Invalid value: "Fields to Clear" cannot clear "${key}"`, {
				itemIndex: i,
				description: `It can clear: ${options.map((o) => o.name).join(', ')}. Nothing was sent to the CRM.`,
			});
		if (body[key] !== undefined)
			throw new NodeOperationError(
				node,
				`Invalid value: "${option.name}" is both set and in "Fields to Clear"`,
				{ itemIndex: i, description: 'Choose one. Nothing was sent to the CRM.' },
			);
		out[key] = null;
	}
	return out;
}

/**
 * The update of every resource: PUT `path` with the fields to change of item `i` and, where the
 * operation offers "Fields to Clear" (`clearable`), the chosen ones as null. An update that
 * would change nothing is refused by name before anything is sent.
 */
export async function updateRecord(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	set: IDataObject,
	clearable?: Array<{ name: string; value: string }>,
): OperationItems {
	const node = ctx.getNode();
	const body = clearable
		? withClearedFields(node, set, ctx.getNodeParameter('fieldsToClear', i, []), clearable, i)
		: set;
	if (Object.keys(body).length === 0)
		throw fieldError(node, 'Update Fields', 'needs at least one field to change', i);
	const options = requestOptions(ctx, i);
	return toItems(
		await crmCom.request(ctx, { method: 'PUT', path, body, itemIndex: i, options }),
		i,
	);
}

/** The delete of every resource: DELETE `path`; the item says which record is gone. */
export async function deleteRecord(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	id: string,
): OperationItems {
	const options = requestOptions(ctx, i);
	await crmCom.request(ctx, { method: 'DELETE', path, itemIndex: i, options });
	return toItems({ id: decodeURIComponent(id), deleted: true }, i);
}

/** Drops undefined values, so that an omitted field is not sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, v]) => v !== undefined && v !== ''),
	) as T;
}
