import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type OperationModule } from '../../shared/router';
import * as contact from './contact/Contact.resource';

const resources: Record<
	'contact',
	Record<'create' | 'delete' | 'get' | 'getAll' | 'update' | 'upsert', OperationModule>
> = {
	contact,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
