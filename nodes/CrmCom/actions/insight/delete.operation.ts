import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { insightIdProperty } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [insightIdProperty, optionsCollection('write')];

export const option = crudOption('delete', 'insight');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'insightId', 'Insight ID', i);
	await crmCom.request(this, {
		method: 'DELETE',
		path: `insights/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ id: decodeURIComponent(id), deleted: true }, i);
}
