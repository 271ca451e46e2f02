import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	booleanField,
	optionsCollection,
	simplifiedIf,
	simplifyProperty,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { contactLocator } from '../helpers';
import { simplifyContact } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	contactLocator,
	booleanField(
		'Include Custom Fields',
		'includeCustomFields',
		false,
		'Whether to return the custom fields too',
	),
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
