import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall(
	'addEvents',
	'events',
	'POST',
	'The events to add, as the CRM.COM insight API defines them',
);

export const option = {
	value: 'addEvents',
	name: 'Add Events',
	action: 'Add events to an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
