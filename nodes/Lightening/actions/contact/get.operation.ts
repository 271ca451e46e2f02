import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	optionsCollection,
	simplifyProperty,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { lighteningRequest } from '../../transport';
import { simplifyContact } from './fields';

import { contactIdOf, contactIdProperty, show } from './common';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(show('get'), [
	contactIdProperty,
	simplifyProperty,
	optionsCollection('read'),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const reply = await lighteningRequest<{ entity?: IDataObject; entities?: IDataObject[] }>(this, {
		method: 'GET',
		path: `contact/${contactIdOf(this, i)}`,
		itemIndex: i,
		options: readRequestSettings(this, i).request,
	});
	const contact = reply.entity ?? reply.entities?.[0] ?? {};
	return toItems(
		(this.getNodeParameter('simplify', i, true) as boolean) ? simplifyContact(contact) : contact,
		i,
	);
}
