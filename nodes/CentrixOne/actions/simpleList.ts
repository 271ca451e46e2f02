import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { toItems } from '../../shared/router';
import { singleShot } from '../../shared/transport/paginate';
import { centrixList, type CentrixObject } from '../transport';
import { requestOptions } from '../../shared/client';

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
			const returnAll = this.getNodeParameter('returnAll', i) as boolean;
			const rows = await singleShot(
				async () =>
					await centrixList(
						this,
						object(this, i),
						'all',
						{ fields: 'all' },
						i,
						requestOptions(this, i),
					),
				{ returnAll, limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number) },
			);
			return toItems(rows, i);
		},
	};
}
