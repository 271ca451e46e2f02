import { simpleList } from '../simpleList';

const operation = simpleList('list', () => 'Scripts');

export const description = operation.description;
export const execute = operation.execute;
