import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { booleanField, personOrCompanyField, stringField } from '../../../shared/descriptions';
import { fieldError, fields, validate } from '../../../shared/validation';
import { compact, keyValuePairs, customFieldsCollectionFor } from '../helpers';

/** Include Custom Fields on contact reads. */
export const includeCustomFieldsProperty = booleanField(
	'Include Custom Fields',
	'includeCustomFields',
	false,
	'Whether to return the custom fields too',
);

/** The contact fields the node writes. Omitted fields are left unchanged on update. */
export const contactFields: INodeProperties[] = [
	stringField('Code', 'code', {
		description: 'Your own unique identifier for the contact (e.g. a customer number)',
	}),
	stringField('Company Name', 'companyName'),
	customFieldsCollectionFor('contact'),
	stringField('Email', 'email', { placeholder: 'name@email.com' }),
	stringField('First Name', 'firstName'),
	stringField('Last Name', 'lastName'),
	stringField('Phone', 'phone'),
	personOrCompanyField,
];

const schema = z.object({
	type: z.enum(['PERSON', 'COMPANY']).optional(),
	firstName: fields.optional(100),
	lastName: fields.optional(100),
	companyName: fields.optional(200),
	email: z.preprocess((v) => (v === '' ? undefined : v), fields.email().optional()),
	phone: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z
			.string()
			.trim()
			.regex(/^\+?[0-9 ()\-./]{3,32}$/, 'must be a phone number (digits, spaces, + - . / ( ))')
			.optional(),
	),
	code: fields.optional(64),
});

const LABELS = {
	type: 'Type',
	firstName: 'First Name',
	lastName: 'Last Name',
	companyName: 'Company Name',
	email: 'Email',
	phone: 'Phone',
	code: 'Code',
};

/** The API body for a contact, validated; `requireName` for creates. */
export function contactBody(
	node: INode,
	input: IDataObject,
	i: number,
	requireName: boolean,
): IDataObject {
	const value = validate(node, schema, input, LABELS, i);
	if (requireName) {
		const type = value.type ?? 'PERSON';
		if (type === 'PERSON' && !value.firstName && !value.lastName) {
			throw fieldError(node, 'Last Name', 'is required for a person (or give a First Name)', i);
		}
		if (type === 'COMPANY' && !value.companyName) {
			throw fieldError(node, 'Company Name', 'is required for a company', i);
		}
	}
	const custom = keyValuePairs(input.customFields);
	return compact({
		type: value.type,
		first_name: value.firstName,
		last_name: value.lastName,
		company_name: value.companyName,
		email: value.email,
		phone: value.phone,
		code: value.code,
		custom_fields: custom.length ? custom : undefined,
	});
}

/** The fields most workflows need from a contact. */
export function simplifyContact(contact: IDataObject): IDataObject {
	return {
		id: contact.id,
		type: contact.type,
		name:
			[contact.first_name, contact.last_name].filter(Boolean).join(' ') ||
			contact.company_name ||
			null,
		email: contact.email ?? null,
		phone: contact.phone ?? null,
		code: contact.code ?? null,
	};
}
