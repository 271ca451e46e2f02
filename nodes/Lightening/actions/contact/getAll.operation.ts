import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllOrLimit,
	simplifyProperty,
	simplifiedIf,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { contactsOf, lightening } from '../../transport';
import { customerIdsOf, customerIdsProperty, simplifyContact } from './helpers';

import { crudOption, type OperationItems } from '../../../shared/operations';
import { pagingOf, requestOptions } from '../../../shared/client';

export const option = crudOption('getAll', 'contacts');

export const description: INodeProperties[] = [
	customerIdsProperty,
	...returnAllOrLimit,
	simplifyProperty,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const ids = customerIdsOf(this.getNode(), this.getNodeParameter('customerIds', i), i);
	const records = await lightening.list(
		this,
		{ ...contactsOf(ids), itemIndex: i, options: requestOptions(this, i) },
		pagingOf(this, i),
	);
	return toItems(simplifiedIf(this, i, records, simplifyContact), i);
}
