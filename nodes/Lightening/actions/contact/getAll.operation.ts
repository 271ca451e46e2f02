import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	readRequestSettings,
	optionsCollection,
	returnAllOrLimit,
	simplifyProperty,
	updateDisplayOptions,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { singleShot } from '../../../shared/transport/paginate';
import { listContacts } from '../../transport';
import { customerIdsOf, customerIdsProperty, simplifyContact } from './fields';

import { show } from './common';
import type { OperationOption } from '../../../shared/operations';

export const option = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contacts',
} as const satisfies OperationOption;

export const description = updateDisplayOptions(show('getAll'), [
	customerIdsProperty,
	...returnAllOrLimit,
	simplifyProperty,
	optionsCollection('read'),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ids = customerIdsOf(this.getNode(), this.getNodeParameter('customerIds', i), i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const records = await singleShot(
		async () => await listContacts(this, ids, i, readRequestSettings(this, i).request),
		{
			returnAll,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
		},
	);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems(simplify ? records.map(simplifyContact) : records, i);
}
