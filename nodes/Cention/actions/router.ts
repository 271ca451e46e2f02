import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchMaps } from '../../shared/operations';
import { route } from '../../shared/router';
import * as contactCard from './contactCard/ContactCard.resource';

/** Every resource's dispatch map: each operation value to its operation file. */
export const resources = dispatchMaps({ contactCard });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
