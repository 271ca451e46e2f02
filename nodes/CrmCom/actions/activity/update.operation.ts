import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection } from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { fields, validate } from '../../../shared/validation';
import {
	compact,
	fieldsToClearProperty,
	updateRecord,
	keyValuePairs,
	toEpochSeconds,
	activityLocator,
	customFieldsCollectionFor,
} from '../helpers';
import {
	activityWriteFields,
	linkedEntities,
	linkedToCollection,
	ACTIVITY_STATES,
} from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

/** The nullable fields of PUT /activities/{id} that can be emptied. */
const CLEARABLE = [
	{ name: 'Address ID', value: 'address_id' },
	{ name: 'Assignment (User and Team)', value: 'assign_to' },
	{ name: 'Description', value: 'description' },
];

export const description: INodeProperties[] = [
	activityLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...activityWriteFields.filter((f) => f.name !== 'useEntityAddress'),
				linkedToCollection,
				customFieldsCollectionFor('activity'),
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Scheduled From',
					name: 'scheduledFrom',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'State',
					name: 'state',
					type: 'options',
					options: ACTIVITY_STATES,
					default: 'COMPLETED',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	fieldsToClearProperty(CLEARABLE),
	optionsCollection('concurrentWrite'),
];

export const option = crudOption('update', 'activity', {
	description: 'Change fields or the state (complete, cancel) of an activity',
});

const schema = z.object({
	name: fields.optional(200),
	description: fields.optional(),
	addressId: fields.optional(),
	state: z.enum(['PENDING', 'COMPLETED', 'CANCELLED']).optional(),
	assignToUserId: fields.optional(),
	assignToTeamId: fields.optional(),
});

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const id = idParameter(this, 'activityId', 'Activity', i);
	const update = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const input = validate(
		node,
		schema,
		update,
		{ name: 'Name', state: 'State', description: 'Description' },
		i,
	);
	const from = update.scheduledFrom
		? toEpochSeconds(node, update.scheduledFrom, 'Scheduled From', i)
		: undefined;
	const to = update.scheduledTo
		? toEpochSeconds(node, update.scheduledTo, 'Scheduled To', i)
		: undefined;
	const assignTo = compact({
		user_id: input.assignToUserId,
		team_id: input.assignToTeamId,
	});
	const links = update.linkedTo ? linkedEntities(this, update.linkedTo, i) : [];
	const custom = keyValuePairs(update.customFields);
	const set: IDataObject = compact({
		name: input.name,
		description: input.description,
		address_id: input.addressId,
		state: input.state,
		scheduled_on:
			from !== undefined || to !== undefined
				? compact({ from_date: from, to_date: to })
				: undefined,
		linked_to: links.length ? links : undefined,
		assign_to: Object.keys(assignTo).length ? assignTo : undefined,
		custom_fields: custom.length ? custom : undefined,
	});
	return await updateRecord(this, i, `activities/${id}`, set, CLEARABLE);
}
