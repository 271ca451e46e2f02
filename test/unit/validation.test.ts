import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { fields, validate } from '../../nodes/shared/validation';
import { testNode } from '../lib/testNode';

const node = testNode;

describe('validate', () => {
	const schema = z.object({
		email: fields.email(),
		name: fields.required(64),
		currency: fields.currency(),
		filter: fields.singleLine(),
	});
	const labels = {
		email: 'Email',
		name: 'Name',
		currency: 'Currency Code',
		filter: 'Filter Value',
	};
	const good = { email: 'a@b.co', name: 'Ann', currency: 'eur', filter: 'x' };

	it('returns parsed values (currency upper-cased)', () => {
		expect(validate(node, schema, good, labels)).toEqual({ ...good, currency: 'EUR' });
	});

	it.each([
		[{ email: 'nope' }, 'Invalid value: "Email" must be a valid email address'],
		[{ name: '' }, 'Invalid value: "Name" must not be empty'],
		[{ name: 'x'.repeat(65) }, 'Invalid value: "Name" must be at most 64 characters'],
		[
			{ currency: 'EUX' },
			'Invalid value: "Currency Code" must be a 3-letter ISO 4217 currency code, e.g. EUR',
		],
		[{ filter: 'a\tb' }, 'Invalid value: "Filter Value" must not contain a TAB or a line break'],
		[{ name: undefined }, 'Invalid value: "Name" is required'],
	])('%j -> %s', (patch, message) => {
		let caught: unknown;
		try {
			validate(node, schema, { ...good, ...patch }, labels, 3);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeOperationError);
		expect((caught as Error).message).toBe(message);
		expect((caught as NodeOperationError).context.itemIndex).toBe(3);
	});

	it('lists further problems in the description', () => {
		expect(() => validate(node, schema, { ...good, email: 'x', name: '' }, labels)).toThrow(
			expect.objectContaining({ description: expect.stringContaining('"Name" must not be empty') }),
		);
	});
});
