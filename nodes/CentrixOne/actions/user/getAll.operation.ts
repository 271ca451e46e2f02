import { simpleList } from '../helpers';
import { crudOption } from '../../../shared/operations';

const operation = simpleList('user', () => 'Users');

export const option = crudOption('getAll', 'users');

export const description = operation.description;
export const execute = operation.execute;
