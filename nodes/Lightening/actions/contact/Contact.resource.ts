import { defineResource } from '../../../shared/operations';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const { description, operations, option } = defineResource(
	'contact',
	[create, del, get, getAll, update, upsert],
	'getAll',
);
