import type { IExecuteFunctions } from 'n8n-workflow';

import type { CentrixObject } from '../../transport';
import { simpleList } from '../helpers';
import { crudOption } from '../../../shared/operations';

const operation = simpleList(
	'revenueType',
	(ctx: IExecuteFunctions, i: number) => ctx.getNodeParameter('level', i) as CentrixObject,
	[
		{
			displayName: 'Level',
			name: 'level',
			type: 'options',
			options: [
				{ name: 'Revenue Types', value: 'RevenueTypes' },
				{ name: 'Sub-Types 1', value: 'RevenueTypesSub1' },
				{ name: 'Sub-Types 2', value: 'RevenueTypesSub2' },
			],
			default: 'RevenueTypes',
		},
	],
);

export const option = crudOption('getAll', 'revenue types');

export const description = operation.description;
export const execute = operation.execute;
