import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { organisationLocator } from '../helpers';
import { crmCom } from '../../transport';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	{ ...organisationLocator, description: 'The identifier of your organisation in CRM.COM' },
	optionsCollection('read'),
];

export const option = operationOption(
	'getForOrganisation',
	'Get for Organisation',
	'Get analytics for the organisation',
);

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'organisationId', 'Organisation ID', i);
	return toItems(
		await crmCom.request(this, {
			method: 'GET',
			path: `organisations/${id}/analytics`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
