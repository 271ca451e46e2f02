import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { contactLocator } from '../helpers';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [contactLocator, optionsCollection('read')];

export const option = operationOption(
	'getForContact',
	'Get for Contact',
	'Get analytics for a contact',
);

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'contactId', 'Contact', i);
	return toItems(
		await crmCom.request(this, {
			method: 'GET',
			path: `contacts/${id}/analytics`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
