import { defineResource } from '../../../shared/operations';
import * as addBreakdowns from './addBreakdowns.operation';
import * as addEvents from './addEvents.operation';
import * as addFilters from './addFilters.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportInsight from './export.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';
import * as preview from './preview.operation';
import * as update from './update.operation';

export const { description, operations, option } = defineResource(
	'insight',
	[
		addBreakdowns,
		addEvents,
		addFilters,
		create,
		del,
		exportInsight,
		get,
		getAll,
		getResults,
		preview,
		update,
	],
	'getAll',
);
