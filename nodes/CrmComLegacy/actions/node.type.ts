import type { OperationsOf } from '../../shared/operations';
import type * as contactInformation from './contactInformation/ContactInformation.resource';
import type * as custom from './custom/Custom.resource';
import type * as provisioningRequest from './provisioningRequest/ProvisioningRequest.resource';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type CrmComLegacyMap = {
	contactInformation: OperationsOf<typeof contactInformation>;
	custom: OperationsOf<typeof custom>;
	provisioningRequest: OperationsOf<typeof provisioningRequest>;
};
