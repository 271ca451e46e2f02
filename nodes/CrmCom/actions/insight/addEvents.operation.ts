import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall(
	'addEvents',
	'events',
	'POST',
	'The events to add, as the CRM.COM insight API defines them',
);

export const option = operationOption('addEvents', 'Add Events', 'Add events to an insight');

export const description = call.description;
export const execute = call.execute;
