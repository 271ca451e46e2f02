import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { accountLocator } from '../helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [accountLocator, optionsCollection('read')];

export const option = crudOption('get', 'account');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'accountId', 'Account', i);
	return toItems(
		await crmCom.request(this, {
			method: 'GET',
			path: `accounts/${id}`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
