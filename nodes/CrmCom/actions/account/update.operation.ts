import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	booleanField,
	collectionField,
	optionsCollection,
	stringField,
} from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { fields, validate } from '../../../shared/validation';
import { compact, accountLocator, fieldsToClearProperty, updateRecord } from '../helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

/** The nullable fields of PUT /accounts/{id} that can be emptied. */
const CLEARABLE = [
	{ name: 'Billing Address ID', value: 'billing_address_id' },
	{ name: 'Classification ID', value: 'classification_id' },
	{ name: 'Payment Terms ID', value: 'payment_terms_id' },
];

export const description: INodeProperties[] = [
	accountLocator,
	collectionField('Update Fields', 'updateFields', 'Add Field', [
		stringField('Billing Address ID', 'billingAddressId', {
			description: 'A contact address to bill this account to',
		}),
		stringField('Classification ID', 'classificationId'),
		{
			displayName: 'Credit Limit',
			name: 'creditLimit',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: "In the account's currency",
		},
		booleanField(
			'Is Primary',
			'isPrimary',
			true,
			"Whether this becomes the contact's primary account (the previous one is unmarked)",
		),
		stringField('Payment Terms ID', 'paymentTermsId'),
	]),
	fieldsToClearProperty(CLEARABLE),
	optionsCollection('concurrentWrite'),
];

export const option = crudOption('update', 'account');

const schema = z.object({
	billingAddressId: fields.optional(),
	classificationId: fields.optional(),
	creditLimit: z.number({ invalid_type_error: 'must be a number' }).min(0).optional(),
	isPrimary: z.boolean().optional(),
	paymentTermsId: fields.optional(),
});

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'accountId', 'Account', i);
	const input = validate(
		this.getNode(),
		schema,
		this.getNodeParameter('updateFields', i, {}),
		{ creditLimit: 'Credit Limit', billingAddressId: 'Billing Address ID' },
		i,
	);
	const set: IDataObject = compact({
		is_primary: input.isPrimary,
		classification_id: input.classificationId,
		billing_address_id: input.billingAddressId,
		credit_limit: input.creditLimit,
		payment_terms_id: input.paymentTermsId,
	});
	return await updateRecord(this, i, `accounts/${id}`, set, CLEARABLE);
}
