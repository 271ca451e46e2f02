import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	choiceField,
	collectionField,
	repeatableField,
	simplifiedIf,
	simplifyProperty,
	stringField,
} from '../../../shared/descriptions';
import { listOf } from '../../../shared/parameters';
import { fieldError, fields, isEmail, validate } from '../../../shared/validation';

const entries = (collection: unknown, key: string): IDataObject[] =>
	(((collection ?? {}) as IDataObject)[key] as IDataObject[] | undefined) ?? [];

/** The Type of an address, email or phone: its names, each sent upper-cased. */
const typeChoice = (names: string[], defaultValue: string): INodeProperties =>
	choiceField(
		'Type',
		'type',
		names.map((name) => [name, name.toUpperCase()] as const),
		defaultValue,
	);

/** The nested contact-information fields of the API, as n8n collections. */
export const contactInformationFields: INodeProperties[] = [
	repeatableField(
		'Addresses',
		'addresses',
		['Address', 'address'],
		[
			stringField('Apartment Number', 'apartment_number'),
			stringField('Area', 'area'),
			stringField('Country Code', 'country', {
				placeholder: 'CY',
				description: 'Two-letter country code',
			}),
			stringField('District', 'district'),
			{ displayName: 'Floor', name: 'floor', type: 'number', default: 0 },
			stringField('Municipality', 'municipality'),
			stringField('PO Box', 'po_box'),
			stringField('PO Box Postal Code', 'po_box_postal_code'),
			stringField('Postal Code', 'postal_code'),
			stringField('Street Name', 'street_name'),
			stringField('Street Number', 'street_number'),
			stringField('Town / City', 'town_city'),
			typeChoice(['Billing', 'Business', 'Home'], 'HOME'),
		],
	),
	stringField('Category Name', 'category', { placeholder: 'Contact Category' }),
	stringField('Company Name', 'company_name'),
	collectionField('Demographics', 'demographics', 'Add Demographic', [
		stringField('Country of Residence', 'country_of_residence', { placeholder: 'CYPRUS' }),
		{ displayName: 'Date of Birth', name: 'date_of_birth', type: 'dateTime', default: '' },
		choiceField(
			'Gender',
			'gender',
			[
				['Female', 'FEMALE'],
				['Male', 'MALE'],
			],
			'FEMALE',
		),
		stringField('ID Issued By Country', 'id_issued_by_country', { placeholder: 'CYPRUS' }),
		stringField('ID Number', 'id_number'),
		stringField('Industry', 'industry', { placeholder: 'Industry' }),
		stringField('Industry Sector', 'industry_sector', { placeholder: 'FOREX' }),
		stringField('Passport Issued By Country', 'passport_issued_by_country', {
			placeholder: 'GREECE',
		}),
		stringField('Passport Number', 'passport_number'),
		stringField('Social Security Number', 'social_security_number'),
	]),
	repeatableField(
		'Emails',
		'emails',
		['Email', 'email'],
		[
			stringField('Email Address', 'email_address', { placeholder: 'name@email.com' }),
			typeChoice(['Business', 'Personal'], 'PERSONAL'),
		],
	),
	stringField('First Name', 'first_name'),
	stringField('Last Name', 'last_name'),
	stringField('Middle Name', 'middle_name'),
	stringField('Notes', 'notes'),
	stringField('Owning Group Name', 'owned_by_group', { placeholder: 'Main Group' }),
	repeatableField(
		'Phones',
		'phones',
		['Phone', 'phone'],
		[stringField('Number', 'number'), typeChoice(['Fax', 'Landline', 'Mobile'], 'MOBILE')],
	),
	stringField('Privacy Level Number', 'privacy_level', { placeholder: '8' }),
	stringField('Title', 'title', { placeholder: 'Mr' }),
];

const text = (max = 200) => fields.optional(max);
const schema = z.object({
	first_name: text(),
	middle_name: text(),
	last_name: text(),
	company_name: text(),
	title: text(20),
	notes: text(2000),
	category: text(),
	owned_by_group: text(),
	privacy_level: text(20),
});

/** The API body for a contact information, checked before anything is sent. */
export function contactInformationBody(
	ctx: IExecuteFunctions,
	input: IDataObject,
	i: number,
): IDataObject {
	const node = ctx.getNode();
	const value = validate(
		node,
		schema,
		input,
		{
			first_name: 'First Name',
			last_name: 'Last Name',
			company_name: 'Company Name',
			title: 'Title',
			notes: 'Notes',
		},
		i,
	);
	const body: IDataObject = {};
	for (const key of [
		'title',
		'first_name',
		'middle_name',
		'last_name',
		'company_name',
		'notes',
	] as const) {
		if (value[key]) body[key] = value[key];
	}
	if (value.category) body.category_identifier = { name: value.category };
	if (value.owned_by_group) body.owned_by_group_identifier = { name: value.owned_by_group };
	if (value.privacy_level) body.privacy_level_identifier = { number: value.privacy_level };

	const demo = (input.demographics ?? {}) as IDataObject;
	const demographics: IDataObject = {};
	for (const key of ['gender', 'id_number', 'passport_number', 'social_security_number'] as const) {
		if (demo[key]) demographics[key] = String(demo[key]);
	}
	// the documented `<name>_identifier: {name}` references of the create body
	for (const key of [
		'country_of_residence',
		'id_issued_by_country',
		'passport_issued_by_country',
		'industry',
		'industry_sector',
	] as const) {
		if (demo[key]) demographics[`${key}_identifier`] = { name: String(demo[key]) };
	}
	if (demo.date_of_birth) {
		const parsed = new Date(String(demo.date_of_birth));
		if (Number.isNaN(parsed.getTime()))
			throw fieldError(node, 'Date of Birth', 'must be a date', i);
		demographics.date_of_birth = {
			day: parsed.getUTCDate(),
			month: parsed.getUTCMonth() + 1,
			year: parsed.getUTCFullYear(),
		};
	}
	if (Object.keys(demographics).length) body.demographics = demographics;

	const addresses = entries(input.addresses, 'address').map((a, k) => {
		const country = String(a.country ?? '').trim();
		if (country && !/^[A-Za-z]{2}$/.test(country))
			throw fieldError(
				node,
				`Addresses → ${k + 1} → Country Code`,
				'must be a two-letter country code',
				i,
			);
		const out: IDataObject = {};
		for (const [key, v] of Object.entries(a)) {
			if (key === 'country' || v === '' || v === undefined) continue;
			out[key] = v;
		}
		if (country) out.country_identifier = { two_character_code: country.toUpperCase() };
		return out;
	});
	if (addresses.length) body.address_set = addresses;

	const phones = entries(input.phones, 'phone').map((p, k) => {
		const number = String(p.number ?? '').trim();
		if (!/^\+?[0-9 ()\-.]{3,32}$/.test(number))
			throw fieldError(node, `Phones → ${k + 1} → Number`, 'must be a phone number', i);
		return { type: p.type, number };
	});
	if (phones.length) body.phone_set = phones;

	const emails = entries(input.emails, 'email').map((e, k) => {
		const address = String(e.email_address ?? '').trim();
		if (!isEmail(address))
			throw fieldError(
				node,
				`Emails → ${k + 1} → Email Address`,
				'must be a valid email address',
				i,
			);
		return { type: e.type, email_address: address };
	});
	if (emails.length) body.email_set = emails;
	return body;
}

/** Fields of a contact information the API can return, for `fields_set`. */
export const KNOWN_FIELDS = [
	'addresses_set',
	'category',
	'company_name',
	'demographics',
	'emails_set',
	'first_name',
	'id',
	'last_name',
	'middle_name',
	'name',
	'notes',
	'number',
	'phones_set',
	'preferred_language',
	'title',
	'type',
];

export const fieldsSetProperties: INodeProperties[] = [
	{
		displayName: 'Return Fields',
		name: 'fieldsSet',
		type: 'multiOptions',
		options: KNOWN_FIELDS.map((f) => ({ name: f, value: f })),
		default: [],
		description: 'Only these fields are returned (fields_set); none selected returns all',
	},
	stringField('More Return Fields', 'fieldsSetExtra', {
		placeholder: 'custom_field_1,accounts_set',
		description: 'Other field names, comma-separated',
	}),
];

/** The `fields_set` value of item `i`, or undefined for all fields. */
export function fieldsSetOf(ctx: IExecuteFunctions, i: number): string | undefined {
	const picked = ctx.getNodeParameter('fieldsSet', i, []) as string[];
	const extra = listOf(ctx.getNodeParameter('fieldsSetExtra', i, ''));
	for (const field of extra) {
		if (!/^[A-Za-z0-9_.]+$/.test(field))
			throw fieldError(
				ctx.getNode(),
				'More Return Fields',
				`has an invalid field name "${field}"`,
				i,
			);
	}
	const all = [...new Set([...picked, ...extra])];
	return all.length ? all.join(',') : undefined;
}

export const IDENTIFIER_TYPES = [
	{ name: 'ID', value: 'id' },
	{ name: 'Number', value: 'number' },
	{ name: 'Name', value: 'name' },
	{ name: 'Alternative Code', value: 'alternative_code' },
];

export const identifierProperties: INodeProperties[] = [
	{
		displayName: 'Identify By',
		name: 'identifierType',
		type: 'options',
		options: IDENTIFIER_TYPES,
		default: 'number',
	},
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The contact information, by the field chosen in Identify By',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContactInformation', searchable: true },
			},
			{ displayName: 'By Identifier', name: 'id', type: 'string', placeholder: 'CI000111' },
		],
	},
];

/** The contact information identifier of item `i`: type and value, checked. */
export function identifierOf(ctx: IExecuteFunctions, i: number): { key: string; value: string } {
	const key = String(ctx.getNodeParameter('identifierType', i));
	const raw = ctx.getNodeParameter('identifier', i, '') as unknown;
	const picked = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	const value = picked === null || picked === undefined ? '' : String(picked).trim();
	if (!IDENTIFIER_TYPES.some((t) => t.value === key))
		throw fieldError(
			ctx.getNode(),
			'Identify By',
			'must be ID, Number, Name or Alternative Code',
			i,
		);
	if (value === '') throw fieldError(ctx.getNode(), 'Identifier', 'must not be empty', i);
	if (/[&#\r\n]/.test(value))
		throw fieldError(ctx.getNode(), 'Identifier', 'must not contain &, # or line breaks', i);
	return { key, value };
}

/** The first entry of a `*_set` list (the API names them `email_set` or `emails_set`). */
function firstOf(record: IDataObject, keys: string[], field: string): string | null {
	for (const key of keys) {
		const list = record[key];
		if (Array.isArray(list) && list.length) {
			const first = list[0] as IDataObject;
			if (first && typeof first === 'object' && first[field] !== undefined)
				return String(first[field]);
		}
	}
	return null;
}

/** The fields most workflows need from a contact information record (Simplify). */
export function simplifyContactInformation(record: IDataObject): IDataObject {
	const name =
		[record.first_name, record.last_name].filter(Boolean).join(' ') ||
		(record.company_name as string | undefined) ||
		(record.name as string | undefined) ||
		null;
	return {
		id: record.id ?? null,
		number: record.number ?? null,
		type: record.type ?? null,
		name,
		first_name: record.first_name ?? null,
		last_name: record.last_name ?? null,
		company_name: record.company_name ?? null,
		email: firstOf(record, ['email_set', 'emails_set'], 'email_address'),
		phone: firstOf(record, ['phone_set', 'phones_set'], 'number'),
	};
}

/**
 * Simplify on Legacy reads, off by default: workflows saved before the toggle existed keep their
 * output unchanged.
 */
export const legacySimplifyProperty: INodeProperties = { ...simplifyProperty, default: false };

/** Records of item `i` through `simplify` when the Simplify toggle (default off) is on. */
export function legacySimplified(
	ctx: IExecuteFunctions,
	i: number,
	records: IDataObject | IDataObject[],
	simplify: (record: IDataObject) => IDataObject,
): IDataObject | IDataObject[] {
	return simplifiedIf(ctx, i, records, simplify, false);
}
