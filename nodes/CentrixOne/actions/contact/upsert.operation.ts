import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import type { Settled } from '../../../shared/concurrency';
import { fieldError } from '../../../shared/validation';
import { contactFieldsCollection } from './helpers';
import { definedBelow, mappingModeProperty } from './mapping';
import { writeContacts, writeOptions } from './write';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update contacts',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	mappingModeProperty,
	...definedBelow([
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Your identifier of the contact: CentrixOne updates the contact with it, or creates it',
		},
		contactFieldsCollection('contactFields', 'Fields'),
	]),
	writeOptions,
];

export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<Array<Settled<INodeExecutionData[]>>> {
	return await writeContacts(this, items, 'contactFields', (i, json) => {
		const field = json ? 'ExternalID (input field)' : 'External ID';
		// an expression that resolves to null is empty, never the text "null"
		const externalId = json
			? String(json.ExternalID ?? '').trim()
			: textParameter(this, 'externalId', i);
		if (externalId === '') throw fieldError(this.getNode(), field, 'must not be empty', i);
		if (/[\t\r\n]/.test(externalId))
			throw fieldError(this.getNode(), field, 'must not contain a TAB or a line break', i);
		return { ExternalID: externalId };
	});
}
