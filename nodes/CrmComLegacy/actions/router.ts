import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type OperationModule } from '../../shared/router';
import * as contactInformation from './contactInformation/ContactInformation.resource';
import * as custom from './custom/Custom.resource';
import * as provisioningRequest from './provisioningRequest/ProvisioningRequest.resource';

const resources: {
	contactInformation: Record<'create' | 'get' | 'getAll' | 'update', OperationModule>;
	custom: Record<'apiCall', OperationModule>;
	provisioningRequest: Record<'getPending', OperationModule>;
} = { contactInformation, custom, provisioningRequest };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
