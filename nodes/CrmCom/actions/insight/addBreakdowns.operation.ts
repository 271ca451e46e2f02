import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall('addBreakdowns', 'breakdowns', 'POST', 'The breakdowns to add');

export const option = {
	value: 'addBreakdowns',
	name: 'Add Breakdowns',
	action: 'Add breakdowns to an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
