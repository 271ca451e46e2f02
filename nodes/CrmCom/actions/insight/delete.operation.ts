import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { crmCom } from '../../transport';
import { insightIdProperty } from './helpers';
import { crudOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [insightIdProperty, optionsCollection('write')];

export const option = crudOption('delete', 'insight');

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = idParameter(this, 'insightId', 'Insight ID', i);
	await crmCom.request(this, {
		method: 'DELETE',
		path: `insights/${id}`,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ id: decodeURIComponent(id), deleted: true }, i);
}
