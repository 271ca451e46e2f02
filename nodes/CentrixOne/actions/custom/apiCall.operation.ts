import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { requestOptions } from '../../../shared/client';
import { fieldError } from '../../../shared/validation';
import type { OperationOption } from '../../../shared/operations';
import { baseFilterPart, centrix, type CentrixObject } from '../../transport';

export const option = {
	value: 'apiCall',
	name: 'Custom API Call',
	action: 'Make a custom API call',
	description:
		'Read (GET) or add/edit (POST) any CentrixOne object, with the credential, retries and redaction',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'GET', value: 'GET', description: 'Read' },
			{ name: 'POST', value: 'POST', description: 'Add or edit' },
		],
		default: 'GET',
	},
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
	{
		displayName: 'Query Parameters',
		name: 'query',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'fields' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'all' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body, e.g. {"Contacts":[{"ExternalID":"42","Email":"a@b.example"}]}',
		displayOptions: { show: { method: ['POST'] } },
	},
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

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
	const object = textParameter(this, 'object', i);
	if (!/^[A-Za-z][A-Za-z0-9]*$/.test(object))
		throw fieldError(node, 'Object', 'must be an object name (letters and digits)', i);
	const qs: Record<string, string> = {};
	const params =
		(
			this.getNodeParameter('query', i, {}) as {
				parameter?: Array<{ name?: unknown; value?: unknown }>;
			}
		).parameter ?? [];
	for (const [k, p] of params.entries()) {
		const name = String(p.name ?? '').trim();
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
			throw fieldError(node, `Query Parameters → ${k + 1} → Name`, 'must be a parameter name', i);
		qs[name] = String(p.value ?? '');
	}
	let body: IDataObject | undefined;
	if (method === 'POST') {
		const raw = this.getNodeParameter('body', i, '{}') as unknown;
		try {
			body = (typeof raw === 'string' ? JSON.parse(raw || '{}') : raw) as IDataObject;
		} catch {
			body = undefined;
		}
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw fieldError(node, 'Body (JSON)', 'must be a JSON object', i);
	}
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
