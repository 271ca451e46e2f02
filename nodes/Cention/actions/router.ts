import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/router';
import * as contactCard from './contactCard/ContactCard.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, { contactCard: { upsert: contactCard.upsert } });
}
