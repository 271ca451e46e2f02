import { simpleList } from '../helpers';
import { crudOption } from '../../../shared/operations';

const operation = simpleList('list', () => 'Scripts');

export const option = crudOption('getAll', 'lists');

export const description = operation.description;
export const execute = operation.execute;
