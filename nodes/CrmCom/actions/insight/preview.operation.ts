import { insightSubCall } from './helpers';
import type { OperationOption } from '../../../shared/operations';

const call = insightSubCall('preview', 'preview', 'POST', 'The preview request');

export const option = {
	value: 'preview',
	name: 'Preview',
	action: 'Preview an insight',
} as const satisfies OperationOption;

export const description = call.description;
export const execute = call.execute;
