import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pathSegment } from '../../../shared/transport/url';
import { fields, validate } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { contactBody, contactFields } from './helpers';
import type { OperationOption } from '../../../shared/operations';
import { requestOptions } from '../../../shared/client';

export const description: INodeProperties[] = [
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{ name: 'Code', value: 'code' },
			{ name: 'Custom Field', value: 'customField' },
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
		default: 'email',
		description:
			'How to find the existing contact: if exactly one matches it is updated, if none matches a contact is created',
	},
	{
		displayName: 'Custom Field Key',
		name: 'matchKey',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { matchBy: ['customField'] } },
	},
	{
		displayName: 'Match Value',
		name: 'matchValue',
		type: 'string',
		default: '',
		required: true,
		description: 'The value to look for; it is also written to the contact',
	},
	{
		displayName: 'Fields',
		name: 'contactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFields,
	},
	optionsCollection('write'),
];

export const option = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
} as const satisfies OperationOption;

/** Pages searched for a match before giving up (the API ignores unknown filters). */
const MAX_MATCH_PAGES = 10;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const matchBy = this.getNodeParameter('matchBy', i) as 'email' | 'code' | 'phone' | 'customField';
	const matchValue = validate(
		node,
		fields.required(),
		this.getNodeParameter('matchValue', i),
		{ '': 'Match Value' },
		i,
	);
	const matchKey =
		matchBy === 'customField'
			? validate(
					node,
					fields.required(),
					this.getNodeParameter('matchKey', i, ''),
					{ '': 'Custom Field Key' },
					i,
				)
			: undefined;
	const input = {
		...(this.getNodeParameter('contactFields', i, {}) as IDataObject),
	};
	if (matchBy !== 'customField') input[matchBy] = matchValue;
	const body = contactBody(node, input, i, false);
	if (matchKey) {
		const custom = (body.custom_fields as Array<{ key: string; value: string }> | undefined) ?? [];
		body.custom_fields = [
			...custom.filter((f) => f.key !== matchKey),
			{ key: matchKey, value: matchValue },
		];
	}

	const qs = matchKey
		? {
				custom_fields: `${matchKey};${matchValue}`,
				include_custom_fields: true,
			}
		: { [matchBy]: matchValue, search_value: matchValue };
	const candidates = await crmCom.list<IDataObject>(
		this,
		{ path: 'contacts', qs, itemIndex: i, options: requestOptions(this, i) },
		{
			returnAll: true,
			pageSize: 100,
			concurrency: 1,
			maxPages: MAX_MATCH_PAGES,
		},
	);
	// the API ignores filters it does not support: confirm each match here
	const same = (value: unknown) =>
		String(value ?? '')
			.trim()
			.toLowerCase() === matchValue.toLowerCase();
	const matches = candidates.filter((c) =>
		matchKey
			? ((c.custom_fields as Array<{ key: string; value: string }> | undefined) ?? []).some(
					(f) => f.key === matchKey && f.value === matchValue,
				)
			: same(c[matchBy]),
	);
	if (matches.length > 1) {
		throw new NodeOperationError(
			node,
			`${matches.length} contacts match ${matchKey ?? matchBy} "${matchValue}": nothing was changed`,
			{
				itemIndex: i,
				description: `Matching contact IDs: ${matches.map((m) => String(m.id)).join(', ')}. Match by a field that is unique.`,
			},
		);
	}
	if (matches.length === 1) {
		const id = String(matches[0].id);
		const reply = await crmCom.request(this, {
			method: 'PUT',
			path: `contacts/${pathSegment(id)}`,
			body,
			itemIndex: i,
			options: requestOptions(this, i),
		});
		return toItems({ ...reply, id, _upsert: 'updated' }, i);
	}
	const created = contactBody(node, input, i, true);
	const reply = await crmCom.request(this, {
		method: 'POST',
		path: 'contacts',
		body: { ...created, ...body },
		itemIndex: i,
		options: requestOptions(this, i),
	});
	return toItems({ ...reply, _upsert: 'created' }, i);
}
