import type { OperationsOf } from '../../shared/operations';
import type * as contact from './contact/Contact.resource';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type LighteningMap = {
	contact: OperationsOf<typeof contact>;
};
