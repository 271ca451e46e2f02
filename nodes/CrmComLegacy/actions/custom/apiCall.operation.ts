import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	booleanField,
	optionsCollection,
	readRequestSettings,
	stringField,
} from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { pathEscape } from '../../../shared/transport/url';
import { MAX_RESULTS, legacy } from '../../transport';
import * as customApiCall from '../../../shared/customApiCall';
import type { OperationItems } from '../../../shared/operations';

export const option = customApiCall.dropdownEntry(
	'Call any entity/action of the API with the token, envelope checks and paging',
);

export const description: INodeProperties[] = [
	customApiCall.methodProperty(['GET', 'POST']),
	stringField('Entity / Action', 'path', {
		required: true,
		placeholder: 'accounts_receivable/show',
		description: 'The part after /crmapi/rest/v2/, e.g. accounts_receivable/show',
	}),
	{
		displayName: 'Parameters (JSON)',
		name: 'parameters',
		type: 'json',
		default: '{}',
		description:
			'Query parameters for GET, or the body for POST; the token is added as the API expects',
	},
	booleanField(
		'Return All Pages',
		'paginate',
		false,
		'Whether to page through a list with offset and number_of_results (50 a page)',
		{ displayOptions: { show: { method: ['GET'] } } },
	),
	optionsCollection('list'),
];

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
	const path = textParameter(this, 'path', i).replace(/^\/+/, '');
	if (!/^[a-z0-9_]+(\/[a-z0-9_]+)+$/i.test(path))
		throw fieldError(
			node,
			'Entity / Action',
			'must look like entity/action (letters, digits, _ and /)',
			i,
		);
	// the shared check (decoded, normalised) as for every Custom API Call
	const escape = pathEscape(path, true);
	if (escape) throw fieldError(node, 'Entity / Action', escape, i);
	const parameters = customApiCall.jsonObjectParameter(this, 'parameters', 'Parameters (JSON)', i);
	if ('token' in parameters)
		throw fieldError(
			node,
			'Parameters (JSON)',
			'must not contain the token: the credential adds it',
			i,
		);
	const settings = readRequestSettings(this, i);
	if (method === 'GET') {
		const qs = Object.fromEntries(
			Object.entries(parameters).map(([k, v]) => [
				k,
				typeof v === 'object' ? JSON.stringify(v) : String(v),
			]),
		);
		if (this.getNodeParameter('paginate', i, false)) {
			const records = await legacy.list<IDataObject>(
				this,
				{ path, qs, itemIndex: i, options: settings.request },
				{ returnAll: true, pageSize: MAX_RESULTS, maxPages: settings.maxPages },
			);
			return toItems(records, i);
		}
		const data = await legacy.request<IDataObject | IDataObject[]>(this, {
			method,
			path,
			qs,
			itemIndex: i,
			options: settings.request,
		});
		return toItems(data ?? {}, i);
	}
	const data = await legacy.request<IDataObject | IDataObject[]>(this, {
		method,
		path,
		body: parameters,
		itemIndex: i,
		options: settings.request,
	});
	return toItems(data ?? {}, i);
}
