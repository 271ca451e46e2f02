import { defineResource } from '../../../shared/operations';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTags from './getTags.operation';
import * as setTags from './setTags.operation';
import * as update from './update.operation';

export const { description, operations, option } = defineResource(
	'activity',
	[complete, create, del, get, getAll, getTags, setTags, update],
	'getAll',
);
