import { insightSubCall } from './common';

const call = insightSubCall('preview', 'preview', 'POST', 'The preview request');

export const description = call.description;
export const execute = call.execute;
