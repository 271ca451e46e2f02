import { insightSubCall } from './common';

const call = insightSubCall(
	'addEvents',
	'events',
	'POST',
	'The events to add, as the CRM.COM insight API defines them',
);

export const description = call.description;
export const execute = call.execute;
