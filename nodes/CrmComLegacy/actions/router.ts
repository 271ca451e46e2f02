import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchMaps } from '../../shared/operations';
import { route } from '../../shared/router';
import * as contactInformation from './contactInformation/ContactInformation.resource';
import * as custom from './custom/Custom.resource';
import * as provisioningRequest from './provisioningRequest/ProvisioningRequest.resource';

/** Every resource's dispatch map: each operation value to its operation file. */
export const resources = dispatchMaps({ contactInformation, custom, provisioningRequest });

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
