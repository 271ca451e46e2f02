import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { fieldError } from '../../../shared/validation';
import { contactFieldsCollection } from './helpers';
import { contactIdc, contactLocator } from './locator';
import { definedBelow, mappingModeProperty } from './mapping';
import { writeContacts, writeOptions } from './write';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'update',
	name: 'Update',
	action: 'Update contacts',
	description: 'Update contacts by their CentrixOne ID, many per request',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	mappingModeProperty,
	...definedBelow([
		contactLocator(
			'idc',
			'idc',
			'The contact to update: picked from the list, or its CentrixOne ID (idc)',
		),
		contactFieldsCollection('updateFields', 'Update Fields'),
	]),
	writeOptions,
];

export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<Array<Settled<INodeExecutionData[]>>> {
	return await writeContacts(this, items, 'updateFields', (i, json) => {
		if (!json) return { idc: Number(contactIdc(this, 'idc', i)) };
		const idc = String(json.idc ?? '').trim();
		if (!/^\d+$/.test(idc))
			throw fieldError(this.getNode(), 'idc (input field)', 'must be a number', i);
		return { idc: Number(idc) };
	});
}
