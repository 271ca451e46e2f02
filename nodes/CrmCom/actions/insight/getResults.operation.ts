import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall('getResults', 'results', 'GET');

export const option = {
	value: 'getResults',
	name: 'Get Results',
	action: 'Get the results of an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
