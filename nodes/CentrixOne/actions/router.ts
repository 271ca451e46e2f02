import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchMaps } from '../../shared/operations';
import { route } from '../../shared/router';
import * as contact from './contact/Contact.resource';
import * as custom from './custom/Custom.resource';
import * as list from './list/List.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as revenueType from './revenueType/RevenueType.resource';
import * as user from './user/User.resource';

/** Every resource's dispatch map: each operation value to its operation file. */
export const resources = dispatchMaps({ contact, custom, list, opportunity, revenueType, user });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
