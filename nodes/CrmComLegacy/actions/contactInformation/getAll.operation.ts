import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	optionsCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { legacyList, MAX_RESULTS } from '../../transport';
import { fieldsSetOf, fieldsSetProperties } from '../fields';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contact informations',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(
	{ show: { resource: ['contactInformation'], operation: ['getAll'] } },
	[...returnAllOrLimit, ...fieldsSetProperties, optionsCollection('list')],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const settings = readRequestSettings(this, i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const records = await legacyList<IDataObject>(
		this,
		{
			path: 'contact_information/list',
			qs: { fields_set: fieldsSetOf(this, i) },
			itemIndex: i,
			options: settings.request,
		},
		{
			returnAll,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			pageSize: MAX_RESULTS,
			maxPages: settings.maxPages,
		},
	);
	return toItems(records, i);
}
