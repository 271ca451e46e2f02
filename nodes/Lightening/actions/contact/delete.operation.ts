import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, JsonObject, INodeProperties } from 'n8n-workflow';

import { booleanField, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { lightening } from '../../transport';
import { contactIdProperty, listCustomerIdsProperty } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('delete', 'contact');

export const description: INodeProperties[] = [
	listCustomerIdsProperty,
	contactIdProperty,
	booleanField(
		'Ignore Not Found',
		'ignoreNotFound',
		false,
		'Whether a contact that does not exist counts as success (output deleted: false) instead of an error',
	),
	optionsCollection('concurrentWrite'),
];

export const concurrent = true;

/**
 * Lightening answers `result: false` both ways: "Entity has been successfully deleted." is a
 * success, "Entity not found." a not-found error (or `deleted: false` with Ignore Not Found).
 */
export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'contactId', 'Contact ID', i);
	try {
		const reply = await lightening.request(this, {
			method: 'GET',
			path: `contact/${id}/delete`,
			itemIndex: i,
			options: requestOptions(this, i),
		});
		return toItems({ id: decodeURIComponent(id), deleted: true, _result: reply.msg }, i);
	} catch (error) {
		const notFound = error instanceof NodeApiError && error.httpCode === '404';
		if (notFound && (this.getNodeParameter('ignoreNotFound', i, false) as boolean)) {
			return toItems(
				{ id: decodeURIComponent(id), deleted: false, _result: 'Entity not found.' },
				i,
			);
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
	}
}
