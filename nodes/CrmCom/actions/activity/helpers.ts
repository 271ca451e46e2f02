import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fields, validate } from '../../../shared/validation';
import { crmDropdown, crmMultiDropdown, isoFromEpoch } from '../helpers';
import { booleanField, choiceField, stringField } from '../../../shared/descriptions';

/** Fields shared by Create and Update of an activity. */
export const activityWriteFields: INodeProperties[] = [
	stringField('Address ID', 'addressId', {
		description: 'A contact address to use as the activity address',
	}),
	crmDropdown('Assign To Team', 'assignToTeamId', 'getTeams', 'Teams from GET /teams.'),
	crmDropdown('Assign To User', 'assignToUserId', 'getUsers', 'Users from GET /users.'),
	stringField('Description', 'description', { typeOptions: { rows: 3 } }),
	{
		displayName: 'Scheduled To',
		name: 'scheduledTo',
		type: 'dateTime',
		default: '',
	},
	booleanField(
		'Use Entity Address',
		'useEntityAddress',
		false,
		"Whether to use the linked entity's address (cannot be combined with Address ID)",
	),
];

/** The activity filters Get Many and the trigger both offer. */
export const assignedTeamFilter = crmDropdown(
	'Assigned Team',
	'assignToTeamId',
	'getTeams',
	'Teams from GET /teams.',
);
export const assignedUserFilter = crmDropdown(
	'Assigned User',
	'assignToUserId',
	'getUsers',
	'Users from GET /users.',
);
export const activityTypesFilter = crmMultiDropdown(
	'Type',
	'types',
	'getActivityTypes',
	'Activity types seen on recent activities.',
);

export const LINK_TYPES = ['LEAD', 'ORDER', 'SERVICE_REQUEST'] as const;

/** Other entities (besides the contact) the activity is linked to. */
export const linkedToCollection: INodeProperties = {
	displayName: 'Also Linked To',
	name: 'linkedTo',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Linked Entity',
	default: {},
	options: [
		{
			displayName: 'Entity',
			name: 'entity',
			values: [
				choiceField(
					'Type',
					'type',
					[
						['Lead', 'LEAD'],
						['Order', 'ORDER'],
						['Service Request', 'SERVICE_REQUEST'],
					],
					'ORDER',
				),
				{ displayName: 'ID', name: 'id', type: 'string', default: '' },
			],
		},
	],
};

const linkSchema = z.array(z.object({ type: z.enum(LINK_TYPES), id: fields.required() }));

/** The linked entities of item `i`, validated. */
export function linkedEntities(
	ctx: IExecuteFunctions,
	collection: unknown,
	i: number,
): Array<{ type: string; id: string }> {
	const entries = ((collection ?? {}) as { entity?: IDataObject[] }).entity ?? [];
	return validate(ctx.getNode(), linkSchema, entries, { '': 'Also Linked To' }, i);
}

/** The fields most workflows need from an activity, with dates as ISO strings. */
export function simplifyActivity(activity: IDataObject): IDataObject {
	const keyDates = (activity.key_dates ?? {}) as IDataObject;
	const scheduled = (keyDates.scheduled_on ?? {}) as IDataObject;
	const type = (activity.type ?? {}) as IDataObject;
	const contact = (activity.contact ?? {}) as IDataObject;
	return {
		id: activity.id,
		name: activity.name,
		state: activity.state,
		type: type.name ?? type.id ?? null,
		contact_id: contact.id ?? null,
		contact_name: contact.name ?? null,
		created_on: isoFromEpoch(keyDates.created_on),
		scheduled_from: isoFromEpoch(scheduled.from_date),
		scheduled_to: isoFromEpoch(scheduled.to_date),
		completed_on: isoFromEpoch(keyDates.completed_on),
	};
}

export const ACTIVITY_STATES = [
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Pending', value: 'PENDING' },
];
