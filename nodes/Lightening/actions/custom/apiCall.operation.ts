import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, stringField } from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { requestOptions } from '../../../shared/client';
import { fieldError } from '../../../shared/validation';
import * as customApiCall from '../../../shared/customApiCall';
import { lightening } from '../../transport';
import type { OperationItems } from '../../../shared/operations';

export const option = customApiCall.dropdownEntry(
	'Call any route of the API with the credential, retries and the check for errors inside a 200',
);

export const description: INodeProperties[] = [
	customApiCall.methodProperty(['GET', 'POST']),
	stringField('Route', 'route', {
		required: true,
		placeholder: 'contact/12',
		description: "The part after the credential's base URL, e.g. contact/12",
	}),
	customApiCall.queryParametersProperty({ name: 'customer_id[]' }),
	customApiCall.jsonBodyProperty(['POST'], '{}'),
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
	const route = textParameter(this, 'route', i).replace(/^\/+/, '');
	const segments = route.split('/');
	if (route === '' || segments.some((s) => !/^[A-Za-z0-9_.-]+$/.test(s) || s === '.' || s === '..'))
		throw fieldError(
			node,
			'Route',
			'must be a route below the base URL, like contact/12 (letters, digits, _ . - and /; no "..")',
			i,
		);
	const qs = customApiCall.queryParameters(this, i, {
		namePattern: /^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/,
		repeat: true,
	});
	const body = customApiCall.jsonBody(this, i, method);
	const reply = await lightening.request<IDataObject>(this, {
		method,
		path: route,
		qs,
		body,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply ?? {}, i);
}
