import type { NodeMapOf } from '../../shared/operations';
import type { resources } from './router';

/** The operations of each resource, as the router dispatches them (read from the operation files). */
export type CentrixOneMap = NodeMapOf<typeof resources>;
