import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	collectionField,
	keyValueField,
	optionsCollection,
	stringField,
} from '../../../shared/descriptions';
import { textParameter } from '../../../shared/parameters';
import { toItems } from '../../../shared/router';
import { fieldError, validate } from '../../../shared/validation';
import { cention, JSON_API_HEADERS } from '../../transport';
import { requestOptions } from '../../../shared/client';
import { crudOption, type OperationItems } from '../../../shared/operations';

/** A list field: several values, each of which may itself be a comma-separated list. */
function listField(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: {
			multipleValues: true,
			multipleValueButtonText: `Add ${displayName.replace(/s$/, '')}`,
		},
		default: [],
		placeholder,
		description: `${description} Several values may also be given as one comma-separated value`,
	};
}

export const description: INodeProperties[] = [
	{
		displayName:
			'Cention finds an existing contact card by any of the channels given (email, phone, Facebook, VK, LINE) and adds to it instead of creating a duplicate',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	stringField('Name', 'name', {
		placeholder: 'Jane Doe',
		description: 'Name of the person the contacts belong to',
	}),
	listField('Emails', 'emails', 'name@email.com', 'Email addresses.'),
	listField(
		'Phone Numbers',
		'phones',
		'+46701234567',
		'Phone numbers in international form, with a plus sign.',
	),
	collectionField('More Channels', 'moreChannels', 'Add Channel', [
		listField('Facebook IDs', 'facebook', '12345@facebook.com', 'Facebook accounts.'),
		listField('LINE IDs', 'line', 'centionline-c12345', 'LINE messenger accounts.'),
		listField('VK IDs', 'vk', 'centionvk-cc-12345', 'VKontakte accounts.'),
	]),
	keyValueField(
		'Custom Fields',
		'customFields',
		stringField('Label', 'label', { placeholder: 'Customer ID' }),
		{
			description:
				'Label and value pairs. On an existing card Cention appends them ("updated by appending" in its docs): a label may then hold its old and its new value.',
		},
	),
	optionsCollection('concurrentWrite'),
];

/** Many items are sent at once, up to Options → Concurrency; output keeps input order. */
export const concurrent = true;

export const option = crudOption('upsert', 'contact card');

/** Flattens multiple values and comma-separated expression results into one trimmed list. */
export function valuesOf(raw: unknown): string[] {
	const list = Array.isArray(raw)
		? raw
		: raw === undefined || raw === null || raw === ''
			? []
			: [raw];
	return list
		.flatMap((v) => (Array.isArray(v) ? v : String(v ?? '').split(',')))
		.map((v) => String(v).trim())
		.filter(Boolean);
}

const email = z.string().email({ message: 'must be a valid email address' });
/** International phone number: a plus sign and 7-15 digits (spaces, dashes, dots, brackets allowed). */
const phone = z
	.string()
	.regex(
		/^\+[0-9 ()\-.]{6,24}$/,
		'must hold phone numbers that start with + and contain only digits',
	)
	.transform((v) => `+${v.replace(/[^0-9]/g, '')}`)
	.refine((v) => v.length >= 8 && v.length <= 16, 'must hold phone numbers of 7 to 15 digits');
const handle = z
	.string()
	.max(200, 'must be at most 200 characters')
	.regex(/^[^\s,]+$/, 'must not contain spaces');

const schema = z.object({
	name: z.string().trim().max(200).optional(),
	email: z.array(email),
	voice: z.array(phone),
	facebook: z.array(handle),
	vk: z.array(handle),
	line: z.array(handle),
	custom: z.array(z.object({ label: z.string().trim().min(1), value: z.string() })),
});

const LABELS = {
	name: 'Name',
	email: 'Emails',
	voice: 'Phone Numbers',
	facebook: 'Facebook IDs',
	vk: 'VK IDs',
	line: 'LINE IDs',
	custom: 'Custom Fields',
};

/**
 * Whether Cention made a new card. The docs give no status codes, so 201 vs 200 alone decides
 * nothing: a reply holding a channel value this call did not send proves an existing card was
 * appended to (false); a 201 with nothing else in it means created (true); otherwise the reply
 * cannot tell (null).
 */
export function createdFrom(
	statusCode: number,
	sent: IDataObject,
	replied: IDataObject | undefined,
): boolean | null {
	const norm = (v: unknown) =>
		String(v)
			.trim()
			.toLowerCase()
			.replace(/[\s()\-.]/g, '');
	for (const channel of ['email', 'voice', 'facebook', 'vk', 'line']) {
		const mine = new Set(((sent[channel] as unknown[] | undefined) ?? []).map(norm));
		const theirs = Array.isArray(replied?.[channel]) ? (replied?.[channel] as unknown[]) : [];
		if (theirs.some((v) => !mine.has(norm(v)))) return false;
	}
	return statusCode === 201 ? true : null;
}

export async function execute(this: IExecuteFunctions, i: number): OperationItems {
	const node = this.getNode();
	const more = this.getNodeParameter('moreChannels', i, {}) as IDataObject;
	const custom = (
		((this.getNodeParameter('customFields', i, {}) as IDataObject).field as
			| IDataObject[]
			| undefined) ?? []
	)
		.filter((f) => String(f.label ?? '').trim() !== '' || String(f.value ?? '').trim() !== '')
		.map((f) => ({ label: String(f.label ?? ''), value: String(f.value ?? '') }));
	const input = validate(
		node,
		schema,
		{
			name: textParameter(this, 'name', i) || undefined,
			email: valuesOf(this.getNodeParameter('emails', i, [])),
			voice: valuesOf(this.getNodeParameter('phones', i, [])),
			facebook: valuesOf(more.facebook),
			vk: valuesOf(more.vk),
			line: valuesOf(more.line),
			custom,
		},
		LABELS,
		i,
	);
	const channels = (['email', 'voice', 'facebook', 'vk', 'line'] as const).filter(
		(c) => input[c].length > 0,
	);
	if (channels.length === 0) {
		throw fieldError(
			node,
			'Emails',
			'or another channel (phone number, Facebook, VK, LINE) is required: Cention finds and stores contacts by them',
			i,
		);
	}
	const contacts: IDataObject = {};
	for (const channel of channels) contacts[channel] = input[channel];
	if (input.custom.length) contacts.custom = input.custom;
	if (input.name) contacts.name = input.name;

	// an upsert keyed by channel is safe to send again
	const reply = await cention.send(this, {
		method: 'POST',
		path: 'c3_contact_cards',
		body: { data: { type: 'c3_contact_cards', attributes: { contacts } } },
		headers: JSON_API_HEADERS,
		idempotent: true,
		itemIndex: i,
		options: requestOptions(this, i),
	});
	const data =
		(
			(reply.body ?? {}) as {
				data?: { id?: string; attributes?: { c3_id?: number; contacts?: IDataObject } };
			}
		).data ?? {};
	return toItems(
		{
			contact_card_id: data.id ?? null,
			c3_id: data.attributes?.c3_id ?? null,
			created: createdFrom(reply.statusCode, contacts, data.attributes?.contacts),
			...(data.attributes?.contacts ?? {}),
		},
		i,
	);
}
