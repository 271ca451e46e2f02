import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	optionsCollection,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { lighteningRequest } from '../../transport';
import { contactBody } from './fields';

import { contactIdOf, contactIdProperty, fieldsCollection, nameProperty, show } from './common';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(show('update'), [
	contactIdProperty,
	{
		...nameProperty,
		description: 'Lightening requires the name on every update (at most 64 characters)',
	},
	fieldsCollection('updateFields', 'Update Fields'),
	optionsCollection('concurrentWrite'),
]);
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = contactIdOf(this, i);
	const body = contactBody(
		this.getNode(),
		{
			name: this.getNodeParameter('name', i),
			...(this.getNodeParameter('updateFields', i, {}) as IDataObject),
		},
		i,
	);
	const reply = await lighteningRequest(this, {
		method: 'POST',
		path: `contact/${id}`,
		body,
		idempotent: true,
		itemIndex: i,
		options: readRequestSettings(this, i).request,
	});
	return toItems(
		{ id: decodeURIComponent(id), ...body, portal_password: undefined, _result: reply.msg },
		i,
	);
}
