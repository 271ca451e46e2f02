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
import { lightening } from '../../transport';

export const option = {
	value: 'apiCall',
	name: 'Custom API Call',
	action: 'Make a custom API call',
	description:
		'Call any route of the API with the credential, retries and the check for errors inside a 200',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
		default: 'GET',
	},
	{
		displayName: 'Route',
		name: 'route',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'contact/12',
		description: "The part after the credential's base URL, e.g. contact/12",
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
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'customer_id[]',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST'] } },
	},
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
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
	const qs: Record<string, string | string[]> = {};
	const params =
		(
			this.getNodeParameter('query', i, {}) as {
				parameter?: Array<{ name?: unknown; value?: unknown }>;
			}
		).parameter ?? [];
	for (const [k, p] of params.entries()) {
		const name = String(p.name ?? '').trim();
		if (!/^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/.test(name))
			throw fieldError(node, `Query Parameters → ${k + 1} → Name`, 'must be a parameter name', i);
		const value = String(p.value ?? '');
		const previous = qs[name];
		qs[name] =
			previous === undefined
				? value
				: [...(Array.isArray(previous) ? previous : [previous]), value];
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
