import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit, stringField } from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { fieldError } from '../../../shared/validation';
import { legacy } from '../../transport';
import { simplifyProvisioningRequest } from './helpers';
import { legacySimplified, legacySimplifyProperty } from '../contactInformation/helpers';
import { pagingOf, requestOptions } from '../../../shared/client';
import { operationOption, type OperationItems } from '../../../shared/operations';

export const option = operationOption(
	'getPending',
	'Get Pending',
	'Get pending provisioning requests',
);

export const description: INodeProperties[] = [
	stringField('Provider Alternative Code', 'provider', {
		required: true,
		placeholder: 'GP1',
		description: 'The alternative code of the generic provisioning provider',
	}),
	...returnAllOrLimit,
	legacySimplifyProperty,
	optionsCollection('list'),
];

/** The oldest pending requests first, 50 per call at most. */
export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const provider = textParameter(this, 'provider', i);
	if (!provider)
		throw fieldError(this.getNode(), 'Provider Alternative Code', 'must not be empty', i);
	if (/[&#=\s]/.test(provider))
		throw fieldError(
			this.getNode(),
			'Provider Alternative Code',
			'must not contain &, #, = or spaces',
			i,
		);
	const records = await legacy.list<IDataObject>(
		this,
		{
			path: 'provisioning/generic_provisioning_requests/get_pending',
			qs: { provisioning_provider_identifier: `alternative_code=${provider}` },
			itemIndex: i,
			options: requestOptions(this, i),
		},
		pagingOf(this, i),
	);
	return toItems(legacySimplified(this, i, records, simplifyProvisioningRequest), i);
}
