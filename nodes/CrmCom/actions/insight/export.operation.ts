import { insightSubCall } from './common';

const call = insightSubCall('export', 'exports', 'POST', 'The export request');

export const description = call.description;
export const execute = call.execute;
