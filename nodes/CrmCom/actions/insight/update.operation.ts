import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { collectionField, optionsCollection } from '../../../shared/descriptions';
import { idParameter } from '../../../shared/parameters';
import { fields, validate } from '../../../shared/validation';
import { compact, updateRecord } from '../helpers';
import { insightIdProperty } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';

export const description: INodeProperties[] = [
	insightIdProperty,
	collectionField('Update Fields', 'updateFields', 'Add Field', [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	]),
	optionsCollection('write'),
];

export const option = crudOption('update', 'insight');

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'insightId', 'Insight ID', i);
	const input = validate(
		this.getNode(),
		z.object({ name: fields.optional(200), description: fields.optional() }),
		this.getNodeParameter('updateFields', i, {}),
		{ name: 'Name' },
		i,
	);
	const body = compact({ name: input.name, description: input.description });
	return await updateRecord(this, i, `insights/${id}`, body);
}
