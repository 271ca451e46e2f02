import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection, stringField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { fieldError, fields, validate } from '../../../shared/validation';
import {
	compact,
	keyValuePairs,
	toEpochSeconds,
	contactLocator,
	crmDropdown,
	customFieldsCollectionFor,
} from '../helpers';
import { crmCom } from '../../transport';
import { activityWriteFields, linkedToCollection, linkedEntities } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	{
		...contactLocator,
		description: 'The contact the activity is for (CRM.COM links every activity to a contact)',
	},
	stringField('Name', 'name', { required: true, placeholder: 'Call customer' }),
	{
		...crmDropdown(
			'Activity Type',
			'typeId',
			'getActivityTypes',
			'The activity type (Settings → Activity Types in CRM.COM); the list holds the types seen on recent activities.',
		),
		required: true,
	},
	{
		displayName: 'Scheduled From',
		name: 'scheduledFrom',
		type: 'dateTime',
		required: true,
		default: '',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...activityWriteFields,
			linkedToCollection,
			customFieldsCollectionFor('activity'),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection('concurrentWrite'),
];

/** Many input items are created at once, up to Options → Concurrency. */
export const concurrent = true;

export const option = crudOption('create', 'activity', {
	description: 'Create a new activity for a contact',
});

const schema = z.object({
	name: fields.required(200),
	typeId: fields.required(),
	description: fields.optional(),
	addressId: fields.optional(),
	useEntityAddress: z.boolean().optional(),
	assignToUserId: fields.optional(),
	assignToTeamId: fields.optional(),
});

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const contactId = decodeURIComponent(idParameter(this, 'contactId', 'Contact', i));
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const input = validate(
		node,
		schema,
		{
			name: this.getNodeParameter('name', i),
			typeId: this.getNodeParameter('typeId', i),
			...extra,
		},
		{
			name: 'Name',
			typeId: 'Activity Type ID',
			description: 'Description',
			addressId: 'Address ID',
		},
		i,
	);
	if (input.addressId && input.useEntityAddress) {
		throw fieldError(node, 'Address ID', 'cannot be combined with "Use Entity Address"', i);
	}
	const from = toEpochSeconds(node, this.getNodeParameter('scheduledFrom', i), 'Scheduled From', i);
	const to = extra.scheduledTo
		? toEpochSeconds(node, extra.scheduledTo, 'Scheduled To', i)
		: undefined;
	if (to !== undefined && to < from) {
		throw fieldError(node, 'Scheduled To', 'must be after "Scheduled From"', i);
	}
	const assignTo = compact({
		user_id: input.assignToUserId,
		team_id: input.assignToTeamId,
	});
	const body: IDataObject = compact({
		name: input.name,
		type_id: input.typeId,
		description: input.description,
		address_id: input.addressId,
		use_entity_address: input.useEntityAddress,
		scheduled_on: compact({ from_date: from, to_date: to }),
		linked_to: [{ type: 'CONTACT', id: contactId }, ...linkedEntities(this, extra.linkedTo, i)],
		assign_to: Object.keys(assignTo).length ? assignTo : undefined,
		custom_fields: keyValuePairs(extra.customFields).length
			? keyValuePairs(extra.customFields)
			: undefined,
	});
	const reply = await crmCom.request(this, {
		method: 'POST',
		path: 'activities',
		body,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply, i);
}
