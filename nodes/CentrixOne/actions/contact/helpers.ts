import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { listOf } from '../../../shared/parameters';
import { fieldError, isEmail } from '../../../shared/validation';
import { baseFilterPart } from '../../transport';

/** The contact fields of the API, as the Zapier app offers them and more. */
export const CONTACT_FIELD_OPTIONS: Array<{ name: string; value: string; account?: true }> = [
	{ name: 'Title', value: 'Title' },
	{ name: 'First Name', value: 'FirstName' },
	{ name: 'Name', value: 'Name' },
	{ name: 'Full Name', value: 'FullName' },
	{ name: 'Job Position', value: 'JobPosition' },
	{ name: 'Company', value: 'Company', account: true },
	{ name: 'Address 1', value: 'Address1', account: true },
	{ name: 'Address 2', value: 'Address2', account: true },
	{ name: 'City', value: 'City', account: true },
	{ name: 'State', value: 'State', account: true },
	{ name: 'ZIP', value: 'ZIP', account: true },
	{ name: 'Country ISO', value: 'CountryISO', account: true },
	{ name: 'Email', value: 'Email' },
	{ name: 'Phone 1', value: 'Phone1' },
	{ name: 'Phone 2', value: 'Phone2' },
	{ name: 'Cell', value: 'Cell' },
	{ name: 'Fax', value: 'Fax' },
	{ name: 'Web Site', value: 'WebSite', account: true },
	{ name: 'Language Code', value: 'LanguageCode' },
	{ name: 'Notes', value: 'Notes' },
	...Array.from({ length: 15 }, (_, k) => ({
		name: `Contact Custom ${k + 1}`,
		value: `Contact_Custom_${k + 1}`,
	})),
];

export const contactFieldsCollection = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description:
		'A field left out is not changed; a field added but left empty is cleared. Fields marked (account) change every contact of the same account.',
	options: (
		[
			...CONTACT_FIELD_OPTIONS.map(
				(f): INodeProperties => ({
					displayName: f.account ? `${f.name} (Account)` : f.name,
					name: f.value,
					type: 'string',
					default: '',
					...(f.value === 'Email' ? { placeholder: 'name@email.com' } : {}),
					...(f.value === 'CountryISO'
						? { placeholder: 'CA', description: 'Two-letter ISO country code' }
						: {}),
				}),
			),
			{
				displayName: 'List Name or ID',
				name: 'listId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: '',
				description:
					'The list (script) the contact joins; list fields and sales reps apply to it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sales Rep 1 Name or ID',
				name: 'SalesRep1',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'For the chosen list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sales Rep 2 Name or ID',
				name: 'SalesRep2',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'For the chosen list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Other Fields',
				name: 'otherFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Field',
				default: {},
				description:
					'Any other field by its API name: CC_/AC_ custom fields, cs_ list fields (CCS_/ACS_), multiple choices joined with ::',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'CC_Region',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'North::East',
							},
						],
					},
				],
			},
		] as INodeProperties[]
	).sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

/** The contact fields the node knows, by API name (looked up per field of every item). */
export const CONTACT_FIELD_NAMES: ReadonlySet<string> = new Set(
	CONTACT_FIELD_OPTIONS.map((f) => f.value),
);

const ABBREVIATIONS: Array<[RegExp, string]> = [
	[/^CCS_/, 'Contact_Custom_Script_'],
	[/^ACS_/, 'Account_Custom_Script_'],
	[/^CC_/, 'Contact_Custom_'],
	[/^AC_/, 'Account_Custom_'],
];

/** An API field name with the documented abbreviations expanded. */
export function expandFieldName(name: string): string {
	for (const [pattern, full] of ABBREVIATIONS)
		if (pattern.test(name)) return name.replace(pattern, full);
	return name;
}

/**
 * A contact record for a POST, from the node's fields of item `i`: top-level fields, and a
 * ContactScript entry for the list (its id, sales reps and `cs_` fields).
 */
export function contactRecord(
	node: INode,
	input: IDataObject,
	i: number,
	identity: IDataObject,
): IDataObject {
	const record: IDataObject = { ...identity };
	const script: IDataObject = {};
	for (const name of Object.keys(input)) {
		if (!CONTACT_FIELD_NAMES.has(name) || input[name] === undefined) continue;
		record[name] = String(input[name] ?? '');
	}
	if (typeof record.Email === 'string' && record.Email !== '' && !isEmail(record.Email)) {
		throw fieldError(node, 'Email', 'must be a valid email address', i);
	}
	if (
		typeof record.CountryISO === 'string' &&
		record.CountryISO !== '' &&
		!/^[A-Za-z]{2}$/.test(record.CountryISO)
	) {
		throw fieldError(node, 'Country ISO', 'must be a two-letter ISO country code', i);
	}
	const others =
		(((input.otherFields ?? {}) as IDataObject).field as IDataObject[] | undefined) ?? [];
	for (const [k, other] of others.entries()) {
		const name = String(other.name ?? '').trim();
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
			throw fieldError(
				node,
				`Other Fields → ${k + 1} → Name`,
				'must be a field name (letters, digits, _)',
				i,
			);
		const value = String(other.value ?? '');
		if (name.toLowerCase().startsWith('cs_')) script[expandFieldName(name.slice(3))] = value;
		else record[expandFieldName(name)] = value;
	}
	if (input.SalesRep1) script.SalesRep1 = String(input.SalesRep1);
	if (input.SalesRep2) script.SalesRep2 = String(input.SalesRep2);
	const listId = String(input.listId ?? '').trim();
	if (listId !== '') {
		if (!/^\d+$/.test(listId)) throw fieldError(node, 'List', 'must be a list ID (a number)', i);
		record.ContactScript = [{ ids: Number(listId), ...script }];
	} else if (Object.keys(script).length) {
		throw fieldError(
			node,
			'List',
			'is required when Sales Reps or cs_ fields are given (they belong to a list)',
			i,
		);
	}
	return record;
}

/** The fields most workflows need from a contact. */
export function simplifyContact(contact: IDataObject): IDataObject {
	return {
		idc: contact.idc,
		ExternalID: contact.ExternalID,
		FirstName: contact.FirstName,
		Name: contact.Name,
		Company: contact.Company,
		Email: contact.Email,
		Phone1: contact.Phone1,
		lists: Array.isArray(contact.ContactScript)
			? (contact.ContactScript as IDataObject[]).map((s) => s.ids)
			: [],
	};
}

/** The documented operators; option values are words because n8n reads a leading "=" as an expression. */
export const OPERATORS = [
	{ name: 'Contains ([=])', value: 'contains', symbol: '[=]' },
	{ name: 'Ends With (=])', value: 'endsWith', symbol: '=]' },
	{ name: 'Equals (=)', value: 'equals', symbol: '=' },
	{ name: 'Greater or Equal (>=)', value: 'gte', symbol: '>=' },
	{ name: 'Greater Than (>)', value: 'gt', symbol: '>' },
	{ name: 'Less or Equal (<=)', value: 'lte', symbol: '<=' },
	{ name: 'Less Than (<)', value: 'lt', symbol: '<' },
	{ name: 'Not Equal (<>)', value: 'notEquals', symbol: '<>' },
	{ name: 'Starts With ([=)', value: 'startsWith', symbol: '[=' },
];

const CONTROL = /[\t\r\n]/;

/** The TAB/LF `filters` value of item `i`; any TAB or line break inside an element is refused. */
export function filtersOf(ctx: IExecuteFunctions, i: number): string | undefined {
	const mode = ctx.getNodeParameter('filterMode', i, 'none') as string;
	if (mode === 'raw') {
		// only spaces and line breaks are trimmed: a leading or trailing TAB is an (empty) element
		const raw = String(ctx.getNodeParameter('rawFilters', i, '') ?? '')
			.replace(/\r\n?/g, '\n')
			.replace(/^[ \n]+|[ \n]+$/g, '');
		for (const [k, line] of raw.split('\n').entries()) {
			if (line.split('\t').length !== 5)
				throw fieldError(
					ctx.getNode(),
					'Raw Filters',
					`line ${k + 1} must have 5 TAB-separated elements (prefix, field, operator, value, suffix)`,
					i,
				);
		}
		return raw || undefined;
	}
	if (mode !== 'conditions') return undefined;
	const conditions =
		((ctx.getNodeParameter('conditions', i, {}) as IDataObject).condition as
			| IDataObject[]
			| undefined) ?? [];
	const lines = conditions.map((c, k) => {
		const parts = ['prefix', 'field', 'operator', 'value', 'suffix'].map((key) =>
			String(c[key] ?? ''),
		);
		for (const [p, part] of parts.entries()) {
			if (CONTROL.test(part))
				throw fieldError(
					ctx.getNode(),
					`Conditions → ${k + 1} → ${['Prefix', 'Field', 'Operator', 'Value', 'Suffix'][p]}`,
					'must not contain a TAB or a line break (it would change the filter)',
					i,
				);
		}
		if (!parts[1].trim())
			throw fieldError(ctx.getNode(), `Conditions → ${k + 1} → Field`, 'must not be empty', i);
		parts[1] = expandFieldName(parts[1].trim());
		const operator = OPERATORS.find((o) => o.value === parts[2] || o.symbol === parts[2]);
		if (!operator) {
			throw fieldError(
				ctx.getNode(),
				`Conditions → ${k + 1} → Operator`,
				'must be one of the listed operators',
				i,
			);
		}
		parts[2] = operator.symbol;
		return parts.join('\t');
	});
	return lines.length ? lines.join('\n') : undefined;
}

export function fieldsOf(ctx: IExecuteFunctions, i: number): string {
	const picked = ctx.getNodeParameter('fields', i, []) as string[];
	const more = listOf(ctx.getNodeParameter('moreFields', i, ''));
	for (const name of more) {
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
			throw fieldError(
				ctx.getNode(),
				'More Fields',
				`has an invalid field name "${name}" (letters, digits, _ only)`,
				i,
			);
	}
	const all = [
		...picked,
		...more.map((f) =>
			f.toLowerCase().startsWith('cs_') ? `cs_${expandFieldName(f.slice(3))}` : expandFieldName(f),
		),
	];
	return all.length ? all.join(',') : 'all';
}

export function baseFilterOf(ctx: IExecuteFunctions, i: number): string {
	const split = (name: string) => listOf(ctx.getNodeParameter(name, i, ''));
	const parts: string[] = [];
	try {
		for (const id of split('ids')) parts.push(baseFilterPart('C', id));
		for (const id of split('externalIds')) parts.push(baseFilterPart('E', id));
		for (const id of (ctx.getNodeParameter('lists', i, []) as Array<string | number>).map(String))
			parts.push(baseFilterPart('S', id));
	} catch (error) {
		throw fieldError(
			ctx.getNode(),
			'Contact IDs / External IDs / Lists',
			(error as Error).message,
			i,
		);
	}
	return parts.length ? parts.join(',') : 'all';
}
