import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, optionsCollection, stringField } from '../../../shared/descriptions';
import { toItems } from '../../../shared/router';
import { pathSegment } from '../../../shared/transport/url';
import { fields, validate } from '../../../shared/validation';
import { crmCom } from '../../transport';
import { contactBody, contactFields } from './helpers';
import { crudOption, type OperationItems } from '../../../shared/operations';
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
	stringField('Custom Field Key', 'matchKey', {
		required: true,
		displayOptions: { show: { matchBy: ['customField'] } },
	}),
	stringField('Match Value', 'matchValue', {
		required: true,
		description: 'The value to look for; it is also written to the contact',
	}),
	collectionField('Fields', 'contactFields', 'Add Field', contactFields),
	optionsCollection('write'),
];

export const option = crudOption('upsert', 'contact');

/** Pages searched for a match before giving up (the API ignores unknown filters). */
const MAX_MATCH_PAGES = 10;

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
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

	const same = (value: unknown) =>
		String(value ?? '')
			.trim()
			.toLowerCase() === matchValue.toLowerCase();
	const hasCustom = (c: IDataObject) =>
		((c.custom_fields as Array<{ key: string; value: string }> | undefined) ?? []).some(
			(f) => f.key === matchKey && same(f.value),
		);
	let matches: IDataObject[];
	if (matchKey) {
		// The custom_fields filter is documented for activities only, and the live service
		// ignores filters it does not know. Ask for two records: a server that applies the filter
		// sends only matches (0, 1 or 2 tell the answer); one that ignores it sends records that
		// do not match, and then no answer is safe without paging the whole table.
		const candidates = await crmCom.list<IDataObject>(
			this,
			{
				path: 'contacts',
				qs: { custom_fields: `${matchKey};${matchValue}`, include_custom_fields: true },
				itemIndex: i,
				options: requestOptions(this, i),
			},
			{ returnAll: false, limit: 2, pageSize: 2, concurrency: 1, maxPages: 1 },
		);
		if (candidates.some((c) => !hasCustom(c))) {
			throw new NodeOperationError(
				node,
				`CRM.COM ignored the custom field filter "${matchKey}": no contact was changed`,
				{
					itemIndex: i,
					description:
						'This CRM.COM server does not filter contacts by custom field, so a match cannot be found without reading every contact. Match by Code, Email or Phone instead.',
				},
			);
		}
		matches = candidates;
	} else {
		const candidates = await crmCom.list<IDataObject>(
			this,
			{
				path: 'contacts',
				qs: { [matchBy]: matchValue, search_value: matchValue },
				itemIndex: i,
				options: requestOptions(this, i),
			},
			{
				returnAll: true,
				pageSize: 100,
				concurrency: 1,
				maxPages: MAX_MATCH_PAGES,
			},
		);
		// the API ignores filters it does not support: confirm each match here
		matches = candidates.filter((c) => same(c[matchBy]));
	}
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
