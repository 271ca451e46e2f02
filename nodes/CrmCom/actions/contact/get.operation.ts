import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifiedIf, simplifyProperty } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { contactLocator } from '../helpers';
import { includeCustomFieldsProperty, simplifyContact } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	contactLocator,
	includeCustomFieldsProperty,
	simplifyProperty,
	optionsCollection('read'),
];

export const option = crudOption('get', 'contact');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'contactId', 'Contact', i);
	const include = this.getNodeParameter('includeCustomFields', i, false) as boolean;
	const contact = await crmCom.request(this, {
		method: 'GET',
		path: `contacts/${id}`,
		qs: { include_custom_fields: include ? true : undefined },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(simplifiedIf(this, i, contact, simplifyContact), i);
}
