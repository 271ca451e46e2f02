import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { requestOptions } from '../../../shared/client';

export const insightIdProperty: INodeProperties = {
	displayName: 'Insight ID',
	name: 'insightId',
	type: 'string',
	default: '',
	required: true,
};

/** A JSON body parameter, parsed and checked to be an object or a list. */
export function jsonBodyOf(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): IDataObject | IDataObject[] {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown);
		} catch {
			value = null;
		}
	}
	if (!value || typeof value !== 'object')
		throw fieldError(ctx.getNode(), label, 'must be a JSON object or list', i);
	return value as IDataObject | IDataObject[];
}

/**
 * An insight sub-call (`/insights/{id}/<path>`): Add Events, Add Filters, Add Breakdowns,
 * Preview, Export (POST with a JSON body the API defines) and Get Results (GET). The v5
 * reference lists these endpoints without their bodies, so the body is given as JSON.
 */
export function insightSubCall(
	operation: string,
	path: string,
	method: IHttpRequestMethods,
	bodyHint?: string,
) {
	const properties: INodeProperties[] = [insightIdProperty];
	if (method !== 'GET') {
		properties.push({
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			description: bodyHint,
		});
	}
	properties.push(optionsCollection('write'));
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['insight'], operation: [operation] } },
			properties,
		),
		async execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
			const id = idParameter(this, 'insightId', 'Insight ID', i);
			const body = method === 'GET' ? undefined : jsonBodyOf(this, 'body', 'Body (JSON)', i);
			const reply = await crmCom.request<IDataObject>(this, {
				method,
				path: `insights/${id}/${path}`,
				body,
				itemIndex: i,
				options: requestOptions(this, i),
			});
			return toItems(reply, i);
		},
	};
}
