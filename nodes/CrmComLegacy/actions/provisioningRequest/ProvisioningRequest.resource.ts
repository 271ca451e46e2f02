import { defineResource } from '../../../shared/operations';
import * as getPending from './getPending.operation';

export const { description, operations, option } = defineResource(
	'provisioningRequest',
	[getPending],
	'getPending',
);
