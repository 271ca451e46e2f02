import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall('export', 'exports', 'POST', 'The export request');

export const option = operationOption('export', 'Export', 'Export an insight');

export const description = call.description;
export const execute = call.execute;
