import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall('export', 'exports', 'POST', 'The export request');

export const option = {
	value: 'export',
	name: 'Export',
	action: 'Export an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
