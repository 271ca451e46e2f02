import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { fieldError } from '../../../shared/validation';
import { contactFieldsCollection } from './helpers';
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
		{
			displayName: 'Contact ID (Idc)',
			name: 'idc',
			type: 'string',
			default: '',
			required: true,
			description: 'The CentrixOne identifier of the contact',
		},
		contactFieldsCollection('updateFields', 'Update Fields'),
	]),
	writeOptions,
];

export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<Array<Settled<INodeExecutionData[]>>> {
	return await writeContacts(this, items, 'updateFields', (i, json) => {
		const idc = String(json ? (json.idc ?? '') : this.getNodeParameter('idc', i, '')).trim();
		if (!/^\d+$/.test(idc))
			throw fieldError(
				this.getNode(),
				json ? 'idc (input field)' : 'Contact ID (Idc)',
				'must be a number',
				i,
			);
		return { idc: Number(idc) };
	});
}
