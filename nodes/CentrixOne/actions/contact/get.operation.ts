import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection, simplifyProperty, simplifiedIf } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { baseFilterPart, centrix } from '../../transport';
import { simplifyContact } from './helpers';
import { contactIdc, contactLocator, contactValue } from './locator';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const option = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
} as const satisfies OperationOption;

export const description: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'CentrixOne ID (Idc)', value: 'idc' },
			{ name: 'External ID', value: 'externalId' },
		],
		default: 'idc',
	},
	// one parameter for both, so that workflows saved before the picker keep their value
	contactLocator(
		'value',
		'idcOrExternalId',
		'The contact: picked from the list, or its CentrixOne ID (idc) or External ID, as Find By says',
	),
	simplifyProperty,
	optionsCollection('read'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const findBy = this.getNodeParameter('findBy', i) as 'idc' | 'externalId';
	const value = findBy === 'idc' ? contactIdc(this, 'value', i) : contactValue(this, 'value', i);
	let filter: string;
	try {
		filter = baseFilterPart(findBy === 'idc' ? 'C' : 'E', value);
	} catch (error) {
		throw fieldError(
			this.getNode(),
			findBy === 'idc' ? 'Contact' : 'Contact (External ID)',
			(error as Error).message.replace(/^"[^"]*" /, ''),
			i,
		);
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
