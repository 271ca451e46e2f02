import type { OperationsOf } from '../../shared/operations';
import type * as contactCard from './contactCard/ContactCard.resource';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type CentionMap = {
	contactCard: OperationsOf<typeof contactCard>;
};
