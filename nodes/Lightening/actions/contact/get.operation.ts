import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	requestOptionsCollection,
	simplifyProperty,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { lighteningRequest } from '../../transport';
import { simplifyContact } from './fields';

import { contactIdOf, contactIdProperty, show } from './common';

export const description = updateDisplayOptions(show('get'), [
	contactIdProperty,
	simplifyProperty,
	requestOptionsCollection(['maxAttempts', 'retryBudget', 'timeout']),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const reply = await lighteningRequest<{ entity?: IDataObject; entities?: IDataObject[] }>(this, {
		method: 'GET',
		path: `contact/${contactIdOf(this, i)}`,
		itemIndex: i,
		options: readRequestSettings(this, i).request,
	});
	// the docs show no reply for a get: `{entity}`, or the list's documented `entities`
	const contact = reply.entity ?? reply.entities?.[0];
	if (!contact || typeof contact !== 'object') {
		throw new NodeOperationError(
			this.getNode(),
			"Lightening's reply holds no contact (neither entity nor entities)",
			{ itemIndex: i },
		);
	}
	return toItems(
		(this.getNodeParameter('simplify', i, true) as boolean) ? simplifyContact(contact) : contact,
		i,
	);
}
