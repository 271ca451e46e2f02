import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	booleanField,
	collectionField,
	optionsCollection,
	stringField,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { fields, validate } from '../../../shared/validation';
import { compact, contactLocator } from '../helpers';
import { crmCom } from '../../transport';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	{ ...contactLocator, description: 'The contact the account is for' },
	{
		displayName: 'Currency Code',
		name: 'currencyCode',
		type: 'string',
		required: true,
		default: 'EUR',
		placeholder: 'EUR',
		description:
			'The 3-letter ISO 4217 code of the account currency; a contact has at most one account per currency',
	},
	collectionField('Additional Fields', 'additionalFields', 'Add Field', [
		stringField('Billing Address ID', 'billingAddressId'),
		stringField('Classification ID', 'classificationId', {
			description: 'If empty, the default classification is used',
		}),
		booleanField(
			'Is Primary',
			'isPrimary',
			false,
			"Whether this becomes the contact's primary account",
		),
		stringField('Name', 'name', { description: 'If empty, CRM.COM names it by its rules' }),
	]),
	optionsCollection('write'),
];

export const option = crudOption('create', 'account for a contact');

const schema = z.object({
	currencyCode: fields.currency(),
	billingAddressId: fields.optional(),
	classificationId: fields.optional(),
	isPrimary: z.boolean().optional(),
	name: fields.optional(200),
});

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const contactId = idParameter(this, 'contactId', 'Contact', i);
	const input = validate(
		this.getNode(),
		schema,
		{
			currencyCode: this.getNodeParameter('currencyCode', i),
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		},
		{ currencyCode: 'Currency Code', name: 'Name' },
		i,
	);
	const body: IDataObject = compact({
		currency_code: input.currencyCode,
		is_primary: input.isPrimary,
		name: input.name,
		classification_id: input.classificationId,
		billing_address_id: input.billingAddressId,
	});
	return toItems(
		await crmCom.request(this, {
			method: 'POST',
			path: `contacts/${contactId}/accounts`,
			body,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
