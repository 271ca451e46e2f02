import { simpleList } from '../helpers';
import type { OperationOption } from '../../../shared/operations';

const operation = simpleList('list', () => 'Scripts');

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many lists',
} as const satisfies OperationOption;

export const description = operation.description;
export const execute = operation.execute;
