import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchMaps } from '../../shared/operations';
import { route } from '../../shared/router';
import * as account from './account/Account.resource';
import * as activity from './activity/Activity.resource';
import * as analytics from './analytics/Analytics.resource';
import * as contact from './contact/Contact.resource';
import * as custom from './custom/Custom.resource';
import * as insight from './insight/Insight.resource';

/** Every resource's dispatch map: each operation value to its operation file. */
export const resources = dispatchMaps({ account, activity, analytics, contact, custom, insight });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
