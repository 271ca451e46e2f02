import { insightSubCall } from './common';

const call = insightSubCall('addFilters', 'filters', 'POST', 'The filters to add');

export const description = call.description;
export const execute = call.execute;
