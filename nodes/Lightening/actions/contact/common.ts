import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/transport/url';
import { fields, validate } from '../../../shared/validation';
import { contactFields } from './fields';

export const show = (operation: string) => ({
	show: { resource: ['contact'], operation: [operation] },
});

export const contactIdProperty: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	required: true,
	description: 'The internal ID of the contact',
};

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	description: 'At most 64 characters',
};

export function contactIdOf(ctx: IExecuteFunctions, i: number): string {
	return pathSegment(
		validate(
			ctx.getNode(),
			fields.pathId(),
			ctx.getNodeParameter('contactId', i),
			{ '': 'Contact ID' },
			i,
		),
	);
}

export const fieldsCollection = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: contactFields,
});
