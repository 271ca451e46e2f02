import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall('addBreakdowns', 'breakdowns', 'POST', 'The breakdowns to add');

export const option = operationOption(
	'addBreakdowns',
	'Add Breakdowns',
	'Add breakdowns to an insight',
);

export const description = call.description;
export const execute = call.execute;
