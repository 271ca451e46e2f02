import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { requestOptions } from '../../../shared/client';
import { fieldError } from '../../../shared/validation';
import * as customApiCall from '../../../shared/customApiCall';
import { baseFilterPart, centrix, type CentrixObject } from '../../transport';
import type { OperationItems } from '../../../shared/operations';

export const option = customApiCall.dropdownEntry(
	'Read (GET) or add/edit (POST) any CentrixOne object, with the credential, retries and redaction',
);

export const description: INodeProperties[] = [
	customApiCall.methodProperty(['GET', 'POST'], { GET: 'Read', POST: 'Add or edit' }),
	{
		displayName: 'Object',
		name: 'object',
		type: 'string',
		default: 'Contacts',
		required: true,
		placeholder: 'Opportunities',
		description:
			'The CentrixOne object (the first part of its URL), e.g. Contacts, Opportunities, Users, Scripts, RevenueTypes. The account and API key are added from the credential and never shown.',
	},
	{
		displayName: 'Base Filter',
		name: 'baseFilter',
		type: 'string',
		default: 'all',
		placeholder: 'S10,E42',
		description:
			'The last part of the URL: "all", or C&lt;ID&gt;, E&lt;External ID&gt;, S&lt;List ID&gt; joined by commas',
	},
	customApiCall.queryParametersProperty({ name: 'fields', value: 'all' }),
	customApiCall.jsonBodyProperty(
		['POST'],
		'{}',
		'The JSON body, e.g. {"Contacts":[{"ExternalID":"42","Email":"a@b.example"}]}',
	),
	optionsCollection('read'),
];

/** The base filter of item `i`: "all", or C/E/S parts each checked as the typed operations do. */
function baseFilterOf(ctx: IExecuteFunctions, i: number): string {
	const text = textParameter(ctx, 'baseFilter', i) || 'all';
	if (text.toLowerCase() === 'all') return 'all';
	return text
		.split(',')
		.map((part) => {
			const kind = part.trim().charAt(0).toUpperCase();
			if (kind !== 'C' && kind !== 'E' && kind !== 'S')
				throw fieldError(
					ctx.getNode(),
					'Base Filter',
					'must be "all" or C<ID>, E<External ID>, S<List ID> joined by commas',
					i,
				);
			try {
				return baseFilterPart(kind, part.trim().slice(1));
			} catch (error) {
				throw fieldError(
					ctx.getNode(),
					'Base Filter',
					(error as Error).message.replace(/^"[^"]*" /, ''),
					i,
				);
			}
		})
		.join(',');
}

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
	const object = textParameter(this, 'object', i);
	if (!/^[A-Za-z][A-Za-z0-9]*$/.test(object))
		throw fieldError(node, 'Object', 'must be an object name (letters and digits)', i);
	const qs = customApiCall.queryParameters(this, i, { namePattern: /^[A-Za-z_][A-Za-z0-9_]*$/ });
	const body = customApiCall.jsonBody(this, i, method);
	const reply = await centrix.request<IDataObject>(this, {
		method,
		// any object name: the typed objects are only those the docs list
		path: object as CentrixObject,
		baseFilter: baseFilterOf(this, i),
		qs,
		body,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply ?? {}, i);
}
