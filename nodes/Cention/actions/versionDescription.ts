import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/operations';
import * as contactCard from './contactCard/ContactCard.resource';

export const credentials: INodeCredentialDescription[] = [{ name: 'centionApi', required: true }];

/** Resource, then each resource's operations and fields. */
export const properties: INodeProperties[] = resourceProperties([contactCard], 'contactCard');
