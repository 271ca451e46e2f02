import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, stringField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { idParameter, textParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { accountLocator } from '../helpers';
import { operationOption, type OperationItems } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

const STATES = ['ACTIVE', 'SUSPENDED', 'TERMINATED'];

export const description: INodeProperties[] = [
	accountLocator,
	{
		displayName: 'New State',
		name: 'state',
		type: 'options',
		options: [
			{
				name: 'Active',
				value: 'ACTIVE',
				description: 'Reactivate a suspended account',
			},
			{
				name: 'Suspended',
				value: 'SUSPENDED',
				description: 'Block orders and purchases; payments still allowed',
			},
			{
				name: 'Terminated',
				value: 'TERMINATED',
				description: 'Close the account for good',
			},
		],
		default: 'SUSPENDED',
	},
	stringField('Transfer Balance To Account ID', 'transferToAccountId', {
		description:
			"Another open account that receives this account's balance. If empty, the balance is lost on termination.",
		displayOptions: { show: { state: ['TERMINATED'] } },
	}),
	optionsCollection('write'),
];

export const option = operationOption(
	'action',
	'Change State',
	'Activate suspend or terminate an account',
);

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const id = idParameter(this, 'accountId', 'Account', i);
	const state = String(this.getNodeParameter('state', i));
	if (!STATES.includes(state))
		throw fieldError(this.getNode(), 'New State', 'must be Active, Suspended or Terminated', i);
	const body: IDataObject = { state };
	if (state === 'TERMINATED') {
		const target = textParameter(this, 'transferToAccountId', i);
		if (target) {
			if (target === decodeURIComponent(id))
				throw fieldError(
					this.getNode(),
					'Transfer Balance To Account ID',
					'must be another account',
					i,
				);
			body.account_id = target;
		}
	}
	// setting a state is idempotent: the same call leaves the account in the same state
	const reply = await crmCom.request(this, {
		method: 'POST',
		path: `accounts/${id}/actions`,
		body,
		idempotent: true,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ ...reply, state }, i);
}
