import type { IExecuteFunctions } from 'n8n-workflow';

import type { CentrixObject } from '../../transport';
import { simpleList } from '../helpers';
import { crudOption } from '../../../shared/operations';
import { choiceField } from '../../../shared/descriptions';

const operation = simpleList(
	'revenueType',
	(ctx: IExecuteFunctions, i: number) => ctx.getNodeParameter('level', i) as CentrixObject,
	[
		choiceField(
			'Level',
			'level',
			[
				['Revenue Types', 'RevenueTypes'],
				['Sub-Types 1', 'RevenueTypesSub1'],
				['Sub-Types 2', 'RevenueTypesSub2'],
			],
			'RevenueTypes',
		),
	],
);

export const option = crudOption('getAll', 'revenue types');

export const description = operation.description;
export const execute = operation.execute;
