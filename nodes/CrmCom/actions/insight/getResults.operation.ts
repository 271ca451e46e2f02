import { insightSubCall } from './common';

const call = insightSubCall('getResults', 'results', 'GET');

export const description = call.description;
export const execute = call.execute;
