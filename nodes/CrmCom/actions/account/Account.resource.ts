import { defineResource } from '../../../shared/operations';
import * as action from './action.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const { description, operations, option } = defineResource(
	'account',
	[action, create, get, getAll, update],
	'get',
);
