import { defineResource } from '../../../shared/operations';
import * as upsert from './upsert.operation';

export const { description, operations, option } = defineResource(
	'contactCard',
	[upsert],
	'upsert',
);
