import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { toItems } from '../../shared/router';
import { centrix, type CentrixObject } from '../transport';
import { pagingOf, requestOptions } from '../../shared/client';

/** Get Many of an object the API returns whole (Users, Scripts, RevenueTypes…). */
export function simpleList(
	resource: string,
	object: (ctx: IExecuteFunctions, i: number) => CentrixObject,
	extra: INodeProperties[] = [],
) {
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: ['getAll'] } }, [
			...extra,
			...returnAllOrLimit,
			optionsCollection('read'),
		]),
		async execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
			const rows = await centrix.list(
				this,
				{
					path: object(this, i),
					qs: { fields: 'all' },
					itemIndex: i,
					options: requestOptions(this, i),
				},
				pagingOf(this, i),
			);
			return toItems(rows, i);
		},
	};
}
