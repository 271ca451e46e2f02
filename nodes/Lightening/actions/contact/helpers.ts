import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { recordLocator } from '../../../shared/locator';
import { listOf } from '../../../shared/parameters';
import { fields, validate } from '../../../shared/validation';
import { booleanField, stringField } from '../../../shared/descriptions';

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * A dropdown of the values (id and name) seen on the contacts of the operation's customers:
 * Lightening has no list of cost centers or portal profiles, but each contact of the documented
 * list carries both (see methods/loadOptions.ts). Its value is the plain ID the number field held
 * before, so stored workflows keep working.
 */
function contactValueDropdown(
	label: string,
	name: string,
	loadOptionsMethod: string,
	plural: string,
): INodeProperties {
	return {
		displayName: `${label} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod, loadOptionsDependsOn: ['/customerId', '/customerIds'] },
		default: '',
		description: `The ${plural} seen on the customer's contacts (Lightening has no list of ${plural}). Choose from the list, or specify an ID using an ${EXPRESSION_LINK}.`,
	};
}

/** The documented contact fields (name aside), in the node's words. */
export const contactFields: INodeProperties[] = [
	booleanField('Active', 'isActive', true, 'Whether the contact is active'),
	contactValueDropdown('Cost Center', 'costCenterId', 'getCostCenters', 'cost centers'),
	stringField('Custom Identifier', 'customerCustomIdentifier', {
		description: 'Your own identifier, at most 16 characters',
	}),
	stringField('Department', 'department', { description: 'At most 64 characters' }),
	stringField('Email', 'email', {
		placeholder: 'name@email.com',
		description: 'At most 191 characters',
	}),
	stringField('Fax', 'fax', { description: 'At most 32 characters' }),
	{ displayName: 'Locale', name: 'locale', type: 'string', default: 'en_US', placeholder: 'en_US' },
	booleanField('Milestone', 'milestone', false, 'Whether the milestone flag is set'),
	stringField('Mobile', 'mobile', { description: 'At most 32 characters' }),
	stringField('Phone', 'tel', { description: 'At most 32 characters' }),
	stringField('Phone 2', 'tel1', { description: 'At most 32 characters' }),
	booleanField(
		'Portal Active',
		'portalActive',
		false,
		'Whether the contact may log into the customer portal',
	),
	stringField('Portal Password', 'portalPassword', {
		typeOptions: { password: true },
		description: '8 to 32 characters',
	}),
	contactValueDropdown(
		'Portal Profile',
		'customerPortalProfileId',
		'getPortalProfiles',
		'portal profiles',
	),
	stringField('Role', 'role', { description: 'At most 32 characters' }),
];

const optionalText = (max: number) =>
	z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().max(max).optional());
/** "Boolean (1 or 0)" in the docs: sent as the number 1 or 0. */
const flag = z
	.boolean()
	.transform((v) => (v ? 1 : 0))
	.optional();

/**
 * A dropdown's value (the id as text, '' for none picked) or a number a workflow saved before
 * the field became a dropdown: digits become the number the docs type the field as.
 */
const wholeNumberText = (v: unknown) => {
	if (v === '' || v === null) return undefined;
	if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
	return v;
};

const schema = z.object({
	name: fields.required(64),
	email: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		fields.email().pipe(z.string().max(191)).optional(),
	),
	tel: optionalText(32),
	tel1: optionalText(32),
	fax: optionalText(32),
	mobile: optionalText(32),
	role: optionalText(32),
	department: optionalText(64),
	customerCustomIdentifier: optionalText(16),
	portalPassword: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.string().min(8).max(32).optional(),
	),
	customerPortalProfileId: z.preprocess(
		wholeNumberText,
		z
			.number({ invalid_type_error: 'must be a whole number' })
			.int({ message: 'must be a whole number' })
			.min(0)
			.max(4294967295)
			.optional(),
	),
	costCenterId: z.preprocess(
		wholeNumberText,
		z
			.number({ invalid_type_error: 'must be a whole number' })
			.int({ message: 'must be a whole number' })
			.optional(),
	),
	locale: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z
			.string()
			.regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a locale such as en_US')
			.optional(),
	),
	isActive: flag,
	portalActive: flag,
	milestone: flag,
});

export const LABELS: Record<string, string> = {
	name: 'Name',
	email: 'Email',
	tel: 'Phone',
	tel1: 'Phone 2',
	fax: 'Fax',
	mobile: 'Mobile',
	role: 'Role',
	department: 'Department',
	customerCustomIdentifier: 'Custom Identifier',
	portalPassword: 'Portal Password',
	customerPortalProfileId: 'Portal Profile ID',
	costCenterId: 'Cost Center ID',
	locale: 'Locale',
	isActive: 'Active',
	portalActive: 'Portal Active',
	milestone: 'Milestone',
};

const API_NAMES: Record<string, string> = {
	tel: 'tel',
	tel1: 'tel1',
	isActive: 'is_active',
	portalActive: 'portal_active',
	customerPortalProfileId: 'customer_portal_profile_id',
	costCenterId: 'cost_center_id',
	customerCustomIdentifier: 'customer_custom_identifier',
	portalPassword: 'portal_password',
};

/**
 * The API body for a contact: every documented limit checked first (an error names the field
 * and nothing is sent); `create_method` is never sent.
 */
export function contactBody(node: INode, input: IDataObject, i: number): IDataObject {
	const value = validate(node, schema, input, LABELS, i) as Record<string, unknown>;
	const body: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry === undefined) continue;
		// whole numbers stay numbers: the docs type them as (unsigned) integers and 1-or-0 flags
		body[API_NAMES[key] ?? key] = entry as string | number;
	}
	return body;
}

/** Customer ids from a list or a comma-separated value, as positive integers. */
export function customerIdsOf(
	node: INode,
	raw: unknown,
	i: number,
	label = 'Customer IDs',
): number[] {
	const values = listOf(raw);
	return validate(
		node,
		z
			.array(z.coerce.number().int('must be whole numbers').positive('must be positive numbers'))
			.min(1, 'needs at least one customer ID'),
		values,
		{ '': label },
		i,
	);
}

export const customerIdsProperty: INodeProperties = {
	displayName: 'Customer IDs',
	name: 'customerIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1, 2',
	description: 'One or more customer IDs, comma-separated: Lightening lists contacts per customer',
};

/** The fields most workflows need from a contact. */
export function simplifyContact(contact: IDataObject): IDataObject {
	return {
		id: contact.id,
		customer_id: contact.customer_id,
		customer_name: contact.customer_name,
		name: contact.name,
		email: contact.email,
		tel: contact.tel,
		mobile: contact.mobile,
		role: contact.role,
		is_active: contact.is_active === '1' || contact.is_active === 1,
		updated_at: contact.updated_at,
	};
}

/**
 * The contact picker: From List (the contacts of the customers in Customer IDs (for the List),
 * searched by name, email, customer or id; see methods/listSearch.ts) and By ID. Lightening has
 * no record URLs (its docs give API routes only), so there is no By URL mode.
 */
export const contactIdProperty: INodeProperties = recordLocator({
	node: 'lightening',
	displayName: 'Contact',
	name: 'contactId',
	searchListMethod: 'searchContacts',
	idPattern: '[0-9]+',
	idPlaceholder: '123',
	description: 'The internal ID of the contact',
});

/**
 * The customers whose contacts the Contact picker lists (Lightening lists contacts per
 * customer only). The operation itself does not read it: By ID needs no customer.
 */
export const listCustomerIdsProperty: INodeProperties = {
	...customerIdsProperty,
	displayName: 'Customer IDs (for the List)',
	required: false,
	description:
		'Only for picking the contact From List: the customers whose contacts it lists, comma-separated. Not needed By ID.',
};

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	description: 'At most 64 characters',
};

export const fieldsCollection = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: contactFields,
});
