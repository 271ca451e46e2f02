import { defineResource } from '../../../shared/operations';
import * as getForContact from './getForContact.operation';
import * as getForOrganisation from './getForOrganisation.operation';

export const { description, operations, option } = defineResource(
	'analytics',
	[getForContact, getForOrganisation],
	'getForOrganisation',
);
