import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { crmCom } from '../../transport';
import { contactBody, contactFields } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	collectionField('Fields', 'contactFields', 'Add Field', contactFields),
	optionsCollection('concurrentWrite'),
];

export const concurrent = true;

export const option = crudOption('create', 'contact');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const body = contactBody(
		this.getNode(),
		this.getNodeParameter('contactFields', i, {}) as IDataObject,
		i,
		true,
	);
	const reply = await crmCom.request(this, {
		method: 'POST',
		path: 'contacts',
		body,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply, i);
}
