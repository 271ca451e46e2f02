import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type OperationModule } from '../../shared/router';
import * as contact from './contact/Contact.resource';
import * as list from './list/List.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as revenueType from './revenueType/RevenueType.resource';
import * as user from './user/User.resource';

const resources: Record<string, Record<string, OperationModule>> = {
	contact: {
		create: contact.create,
		get: contact.get,
		getAll: contact.getAll,
		update: contact.update,
		upsert: contact.upsert,
	},
	list: { getAll: list.getAll },
	opportunity: { getAll: opportunity.getAll },
	revenueType: { getAll: revenueType.getAll },
	user: { getAll: user.getAll },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
