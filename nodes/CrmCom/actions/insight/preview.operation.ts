import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall('preview', 'preview', 'POST', 'The preview request');

export const option = operationOption('preview', 'Preview', 'Preview an insight');

export const description = call.description;
export const execute = call.execute;
