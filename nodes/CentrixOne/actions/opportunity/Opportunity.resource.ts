import * as getAll from './getAll.operation';
import { resourceWithGetMany } from '../simpleList';

export { getAll };

export const description = resourceWithGetMany('opportunity', 'opportunities', getAll);
