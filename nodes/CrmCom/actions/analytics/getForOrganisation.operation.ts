import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pathSegment } from '../../../shared/transport/url';
import { fields, validate } from '../../../shared/validation';
import { crmCom } from '../../transport';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	{
		displayName: 'Organisation ID',
		name: 'organisationId',
		type: 'string',
		default: '',
		required: true,
		description: 'The identifier of your organisation in CRM.COM',
	},
	optionsCollection('read'),
];

export const option = {
	value: 'getForOrganisation',
	name: 'Get for Organisation',
	action: 'Get analytics for the organisation',
} as const satisfies OperationOption;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = validate(
		this.getNode(),
		fields.pathId(),
		this.getNodeParameter('organisationId', i),
		{ '': 'Organisation ID' },
		i,
	);
	return toItems(
		await crmCom.request(this, {
			method: 'GET',
			path: `organisations/${pathSegment(id)}/analytics`,
			itemIndex: i,
			options: requestOptions(this, i),
		}),
		i,
	);
}
