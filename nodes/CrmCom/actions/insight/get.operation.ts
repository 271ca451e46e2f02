import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { insightIdProperty } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [insightIdProperty, optionsCollection('read')];

export const option = crudOption('get', 'insight');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	return toItems(
		await crmCom.request(this, {
			method: 'GET',
			path: `insights/${idParameter(this, 'insightId', 'Insight ID', i)}`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
