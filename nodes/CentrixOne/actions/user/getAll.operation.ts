import { simpleList } from '../helpers';
import type { OperationOption } from '../../../shared/operations';

const operation = simpleList('user', () => 'Users');

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
} as const satisfies OperationOption;

export const description = operation.description;
export const execute = operation.execute;
