import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection, stringField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fields, validate } from '../../../shared/validation';
import { compact } from '../helpers';
import { crmCom } from '../../transport';
import { crudOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	stringField('Name', 'name', { required: true, placeholder: 'Marketing customers' }),
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	optionsCollection('write'),
];

export const option = crudOption('create', 'insight');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const input = validate(
		this.getNode(),
		z.object({ name: fields.required(200), description: fields.optional() }),
		{
			name: this.getNodeParameter('name', i),
			description: this.getNodeParameter('description', i, ''),
		},
		{ name: 'Name', description: 'Description' },
		i,
	);
	const reply = await crmCom.request(this, {
		method: 'POST',
		path: 'insights',
		body: compact({ name: input.name, description: input.description }),
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems(reply, i);
}
