import { insightSubCall } from './helpers';
import { operationOption } from '../../../shared/operations';

const call = insightSubCall('addFilters', 'filters', 'POST', 'The filters to add');

export const option = operationOption('addFilters', 'Add Filters', 'Add filters to an insight');

export const description = call.description;
export const execute = call.execute;
