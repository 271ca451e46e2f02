import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall('getResults', 'results', 'GET');

export const option = operationOption('getResults', 'Get Results', 'Get the results of an insight');

export const description = call.description;
export const execute = call.execute;
