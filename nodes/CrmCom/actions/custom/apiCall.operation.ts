import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import {
	booleanField,
	limitProperty,
	optionsCollection,
	returnAllProperty,
	stringField,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pagingOf, requestOptions } from '../../../shared/client';
import { fieldError, validate } from '../../../shared/validation';
import { pathEscape } from '../../../shared/transport/url';
import { crmCom } from '../../transport';
import * as customApiCall from '../../../shared/customApiCall';
import type { OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [
	customApiCall.methodProperty(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']),
	stringField('Path', 'path', {
		required: true,
		placeholder: '/contacts/{ID}/wallets',
		description:
			'Path below the base URL of the credential, e.g. /orders or /contacts/4dc0.../wallets',
	}),
	customApiCall.queryParametersProperty(),
	customApiCall.jsonBodyProperty(['PATCH', 'POST', 'PUT'], ''),
	booleanField(
		'Return All Pages',
		'paginate',
		false,
		'Whether to page through a list reply (content + paging) with page/size and return its records',
		{ displayOptions: { show: { method: ['GET'] } } },
	),
	{
		...returnAllProperty,
		default: true,
		displayOptions: { show: { method: ['GET'], paginate: [true] } },
	},
	{
		...limitProperty,
		displayOptions: { show: { method: ['GET'], paginate: [true], returnAll: [false] } },
	},
	booleanField(
		'Safe to Retry',
		'idempotent',
		false,
		'Whether a POST/PATCH may be sent again after a timeout or a lost reply (only if the endpoint does not create twice)',
		{ displayOptions: { show: { method: ['PATCH', 'POST'] } } },
	),
	optionsCollection('pagedList'),
];

export const option = customApiCall.dropdownEntry(
	'Call any endpoint of the API with this credential, retries and paging',
);

const pathSchema = z
	.string()
	.trim()
	.min(1)
	.superRefine((p, ctx) => {
		// decoded and normalised first: `%2e%2e` is a ".." segment too
		const escape = pathEscape(p.replace(/^\/+/, ''), true);
		if (escape) ctx.addIssue({ code: z.ZodIssueCode.custom, message: escape });
	});

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
	const path = validate(
		node,
		pathSchema,
		this.getNodeParameter('path', i),
		{ '': 'Path' },
		i,
	).replace(/^\/+/, '');
	const qs = customApiCall.queryParameters(this, i);
	let body: IDataObject | IDataObject[] | undefined;
	if (['POST', 'PUT', 'PATCH'].includes(method)) {
		const raw = this.getNodeParameter('body', i, '') as unknown;
		if (typeof raw === 'string' && raw.trim() !== '') {
			try {
				body = JSON.parse(raw) as IDataObject;
			} catch {
				body = undefined;
			}
			if (body === undefined) throw fieldError(node, 'Body (JSON)', 'is not valid JSON', i);
		} else if (raw && typeof raw === 'object') {
			body = raw as IDataObject;
		}
	}
	if (method === 'GET' && this.getNodeParameter('paginate', i, false)) {
		const records = await crmCom.list<IDataObject>(
			this,
			{ path, qs, itemIndex: i, options: requestOptions(this, i) },
			pagingOf(this, i),
		);
		return toItems(records, i);
	}
	const idempotent =
		method === 'POST' || method === 'PATCH'
			? (this.getNodeParameter('idempotent', i, false) as boolean)
			: undefined;
	const reply = await crmCom.request<IDataObject | IDataObject[]>(this, {
		method,
		path,
		qs,
		body,
		idempotent,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(Array.isArray(reply) ? reply : reply, i);
}
