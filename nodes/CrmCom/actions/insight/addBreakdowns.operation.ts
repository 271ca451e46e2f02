import { insightSubCall } from './common';

const call = insightSubCall('addBreakdowns', 'breakdowns', 'POST', 'The breakdowns to add');

export const description = call.description;
export const execute = call.execute;
