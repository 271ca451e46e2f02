import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall('addFilters', 'filters', 'POST', 'The filters to add');

export const option = {
	value: 'addFilters',
	name: 'Add Filters',
	action: 'Add filters to an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
