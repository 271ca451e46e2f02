import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyProperty, simplifiedIf } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { lightening } from '../../transport';
import { simplifyContact, contactIdProperty, listCustomerIdsProperty } from './helpers';

import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('get', 'contact');

export const description: INodeProperties[] = [
	listCustomerIdsProperty,
	contactIdProperty,
	simplifyProperty,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const reply = await lightening.request<{ entity?: IDataObject; entities?: IDataObject[] }>(this, {
		method: 'GET',
		path: `contact/${idParameter(this, 'contactId', 'Contact ID', i)}`,
		itemIndex: i,
		options: requestOptions(this, i),
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
	return toItems(simplifiedIf(this, i, contact, simplifyContact), i);
}
