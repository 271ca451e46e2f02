import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	choiceField,
	optionsCollection,
	simplifiedIf,
	simplifyProperty,
} from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { baseFilterPart, centrix } from '../../transport';
import { simplifyContact } from './helpers';
import { textParameter } from '../../../shared/parameters';
import { crudOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = crudOption('get', 'contact');

export const description: INodeProperties[] = [
	choiceField(
		'Find By',
		'findBy',
		[
			['CentrixOne ID (Idc)', 'idc'],
			['External ID', 'externalId'],
		],
		'idc',
	),
	{ displayName: 'Value', name: 'value', type: 'string', default: '', required: true },
	simplifyProperty,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const findBy = this.getNodeParameter('findBy', i) as 'idc' | 'externalId';
	const value = textParameter(this, 'value', i);
	let filter: string;
	try {
		filter = baseFilterPart(findBy === 'idc' ? 'C' : 'E', value);
	} catch (error) {
		throw fieldError(this.getNode(), 'Value', (error as Error).message.replace(/^"[^"]*" /, ''), i);
	}
	const rows = await centrix.list(
		this,
		{
			path: 'Contacts',
			baseFilter: filter,
			qs: { fields: 'all' },
			itemIndex: i,
			options: requestOptions(this, i),
		},
		{ returnAll: true },
	);
	if (rows.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			`No contact with ${findBy === 'idc' ? 'ID' : 'External ID'} ${value}`,
			{ itemIndex: i },
		);
	const contact = rows[0] as IDataObject;
	return toItems(simplifiedIf(this, i, contact, simplifyContact), i);
}
