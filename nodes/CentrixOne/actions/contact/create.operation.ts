import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { contactFieldsCollection } from './helpers';
import { definedBelow, mappingModeProperty } from './mapping';
import { writeContacts, writeOptions } from './write';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'create',
	name: 'Create',
	action: 'Create contacts',
	description: 'Create contacts, many per request',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	mappingModeProperty,
	...definedBelow([contactFieldsCollection('contactFields', 'Fields')]),
	writeOptions,
];

/** Creates contacts, many per request. A create is never re-sent after a lost reply. */
export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<Array<Settled<INodeExecutionData[]>>> {
	return await writeContacts(this, items, 'contactFields', (_i, json) =>
		// mapped automatically, an ExternalID in the input goes with the contact
		json?.ExternalID !== undefined && json.ExternalID !== null && json.ExternalID !== ''
			? { ExternalID: String(json.ExternalID) }
			: {},
	);
}
