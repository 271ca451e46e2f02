import type { OperationsOf } from '../../shared/operations';
import type * as account from './account/Account.resource';
import type * as activity from './activity/Activity.resource';
import type * as analytics from './analytics/Analytics.resource';
import type * as contact from './contact/Contact.resource';
import type * as custom from './custom/Custom.resource';
import type * as insight from './insight/Insight.resource';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type CrmComMap = {
	account: OperationsOf<typeof account>;
	activity: OperationsOf<typeof activity>;
	analytics: OperationsOf<typeof analytics>;
	contact: OperationsOf<typeof contact>;
	custom: OperationsOf<typeof custom>;
	insight: OperationsOf<typeof insight>;
};
