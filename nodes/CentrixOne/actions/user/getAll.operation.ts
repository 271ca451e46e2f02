import { simpleList } from '../simpleList';

const operation = simpleList('user', () => 'Users');

export const description = operation.description;
export const execute = operation.execute;
