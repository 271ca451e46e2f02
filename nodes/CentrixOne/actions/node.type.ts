import type { OperationsOf } from '../../shared/operations';
import type * as contact from './contact/Contact.resource';
import type * as list from './list/List.resource';
import type * as opportunity from './opportunity/Opportunity.resource';
import type * as revenueType from './revenueType/RevenueType.resource';
import type * as user from './user/User.resource';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type CentrixOneMap = {
	contact: OperationsOf<typeof contact>;
	list: OperationsOf<typeof list>;
	opportunity: OperationsOf<typeof opportunity>;
	revenueType: OperationsOf<typeof revenueType>;
	user: OperationsOf<typeof user>;
};
