import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { contactFieldsCollection } from './fields';
import { writeContacts, writeOptions } from './write';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	[contactFieldsCollection('contactFields', 'Fields'), writeOptions],
);

/** Creates contacts, many per request. A create is never re-sent after a lost reply. */
export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<Array<Settled<INodeExecutionData[]>>> {
	return await writeContacts(this, items, 'contactFields', () => ({}));
}
