import type { IDataObject } from 'n8n-workflow';

import { isoFromEpoch } from '../../helpers/utils';

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
