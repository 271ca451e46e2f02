import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { ISO_4217, fieldError, fields, isEmail, validate } from '../../nodes/shared/validation';
import { testNode } from '../lib/testNode';

/** Cases the mutation run (stryker.slice.mjs) found unchecked in the input validation. */
const node = testNode;

function messageOf(schema: z.ZodTypeAny, input: unknown, labels = {}): string {
	try {
		validate(node, schema, input, labels);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return (error as Error).message;
	}
	throw new Error('no error thrown');
}

function descriptionOf(schema: z.ZodTypeAny, input: unknown, labels = {}): unknown {
	try {
		validate(node, schema, input, labels);
	} catch (error) {
		return (error as NodeOperationError).description;
	}
	throw new Error('no error thrown');
}

describe('field labels', () => {
	const schema = z.object({
		address: z.object({ city: z.string(), zip: z.object({ code: z.string() }) }),
	});

	it('the nearest labelled ancestor, then the rest of the path', () => {
		const input = { address: { city: 1, zip: { code: 2 } } };
		expect(messageOf(schema, input, { address: 'Address' })).toBe(
			'Invalid value: "Address → city" must be a string, not a number',
		);
		expect(messageOf(schema, input, { address: 'Address', 'address.zip': 'ZIP' })).toBe(
			'Invalid value: "Address → city" must be a string, not a number',
		);
		expect(descriptionOf(schema, input, { address: 'Address', 'address.zip': 'ZIP' })).toBe(
			'Also: "ZIP → code" must be a string, not a number',
		);
		expect(messageOf(schema, input, { 'address.city': 'City' })).toBe(
			'Invalid value: "City" must be a string, not a number',
		);
	});

	it('the root label, the dotted path, or "input"', () => {
		expect(messageOf(z.object({ a: z.string() }), { a: 1 }, { '': 'Fields' })).toBe(
			'Invalid value: "Fields → a" must be a string, not a number',
		);
		expect(messageOf(z.string(), 1, { '': 'Fields' })).toBe(
			'Invalid value: "Fields" must be a string, not a number',
		);
		expect(messageOf(z.object({ a: z.object({ b: z.string() }) }), { a: { b: 1 } })).toBe(
			'Invalid value: "a.b" must be a string, not a number',
		);
		expect(messageOf(z.string(), 1)).toBe('Invalid value: "input" must be a string, not a number');
		expect(messageOf(z.object({ a: z.string() }), { a: 1 }, { b: 'B' })).toBe(
			'Invalid value: "a" must be a string, not a number',
		);
	});

	it('a single problem says nothing was sent; several are listed with "; "', () => {
		const schema2 = z.object({ a: z.string(), b: z.string(), c: z.string() });
		expect(descriptionOf(schema2, { a: 'x', b: 'y', c: 1 })).toBe('Nothing was sent to the CRM.');
		expect(descriptionOf(schema2, { a: 1, b: 2, c: 3 })).toBe(
			'Also: "b" must be a string, not a number; "c" must be a string, not a number',
		);
	});
});

describe('issue wording', () => {
	it.each<[string, z.ZodTypeAny, unknown, string]>([
		['missing', z.object({ a: z.string() }), {}, '"a" is required'],
		['null', z.object({ a: z.string() }), { a: null }, '"a" is required'],
		['fraction', z.number().int(), 1.5, '"input" must be a whole number'],
		[
			'own message on a type',
			z.string({ invalid_type_error: 'must be text' }),
			3,
			'"input" must be text',
		],
		['one character', z.string().min(1), '', '"input" must not be empty'],
		['characters', z.string().min(3), 'ab', '"input" must be at least 3 characters'],
		['one entry', z.array(z.string()).min(1), [], '"input" needs at least 1 entry'],
		['entries', z.array(z.string()).min(2), ['a'], '"input" needs at least 2 entries'],
		['number at least', z.number().min(2), 1, '"input" must be at least 2'],
		['number more than', z.number().gt(2), 2, '"input" must be more than 2'],
		['string at most', z.string().max(2), 'abc', '"input" must be at most 2 characters'],
		['array at most', z.array(z.string()).max(1), ['a', 'b'], '"input" takes at most 1 entries'],
		['number at most', z.number().max(2), 3, '"input" must be at most 2'],
		['number less than', z.number().lt(2), 2, '"input" must be less than 2'],
		['enum', z.enum(['a', 'b']), 'c', '"input" must be one of: a, b'],
		['email', z.string().email(), 'x', '"input" must be a valid email address'],
		['url', z.string().url(), 'x', '"input" must be a valid URL'],
		['other string check', z.string().uuid(), 'x', '"input" Invalid uuid'],
		[
			'own message',
			z.string().min(2, { message: 'is too short, sorry' }),
			'a',
			'"input" is too short, sorry',
		],
		[
			'custom',
			z.string().refine(() => false, { message: 'Invalid custom' }),
			'a',
			'"input" Invalid custom',
		],
	])('%s', (_name, schema, input, sentence) => {
		expect(messageOf(schema, input)).toBe(`Invalid value: ${sentence}`);
	});
});

describe('building blocks', () => {
	it('required trims and may cap the length', () => {
		expect(validate(node, fields.required(), '  a  ')).toBe('a');
		expect(messageOf(fields.required(), '   ')).toBe('Invalid value: "input" must not be empty');
		expect(messageOf(fields.required(2), 'abc')).toBe(
			'Invalid value: "input" must be at most 2 characters',
		);
		expect(validate(node, fields.required(), 'x'.repeat(5000))).toHaveLength(5000);
	});

	it('optional: empty and null become undefined, text is trimmed and may be capped', () => {
		expect(validate(node, fields.optional(), '')).toBeUndefined();
		expect(validate(node, fields.optional(), null)).toBeUndefined();
		expect(validate(node, fields.optional(), ' a ')).toBe('a');
		expect(messageOf(fields.optional(2), 'abc')).toBe(
			'Invalid value: "input" must be at most 2 characters',
		);
		expect(validate(node, fields.optional(), 'x'.repeat(5000))).toHaveLength(5000);
	});

	it('email trims; currency upper-cases; pathId refuses "." and ".."; singleLine refuses CR and LF', () => {
		expect(validate(node, fields.email(), ' a@b.co ')).toBe('a@b.co');
		expect(validate(node, fields.currency(), ' usd ')).toBe('USD');
		expect(messageOf(fields.pathId(), '..')).toBe('Invalid value: "input" cannot be "." or ".."');
		expect(messageOf(fields.pathId(), ' . ')).toBe('Invalid value: "input" cannot be "." or ".."');
		expect(messageOf(fields.pathId(), '  ')).toBe('Invalid value: "input" must not be empty');
		expect(messageOf(z.object({ id: fields.pathId() }), {})).toBe(
			'Invalid value: "id" is required',
		);
		expect(validate(node, fields.pathId(), ' ..a ')).toBe('..a');
		expect(messageOf(fields.singleLine(), 'a\rb')).toContain('TAB or a line break');
		expect(messageOf(fields.singleLine(), 'a\nb')).toContain('TAB or a line break');
	});

	it('positiveInt coerces, refuses 0 and fractions, may cap', () => {
		expect(validate(node, fields.positiveInt(), '7')).toBe(7);
		expect(messageOf(fields.positiveInt(), 0)).toBe('Invalid value: "input" must be at least 1');
		expect(messageOf(fields.positiveInt(), 1.5)).toBe(
			'Invalid value: "input" must be a whole number',
		);
		expect(messageOf(fields.positiveInt(10), 11)).toBe('Invalid value: "input" must be at most 10');
		expect(validate(node, fields.positiveInt(), 1e9)).toBe(1e9);
	});

	it('ISO 4217 holds the active codes, each one of three letters', () => {
		expect(ISO_4217.size).toBeGreaterThan(170);
		for (const code of ['AED', 'EUR', 'USD', 'ZWL', 'XXX']) expect(ISO_4217.has(code)).toBe(true);
		for (const code of ISO_4217) expect(code).toMatch(/^[A-Z]{3}$/);
	});

	it('fieldError speaks as validate does; isEmail', () => {
		const error = fieldError(node, 'Start', 'must be before End', 4);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid value: "Start" must be before End');
		expect(error.description).toBe('Nothing was sent to the CRM.');
		expect(error.context.itemIndex).toBe(4);
		expect(isEmail('a@b.co')).toBe(true);
		expect(isEmail('a@')).toBe(false);
	});
});

describe('second mutation run (session 2)', () => {
	it('a path below a labelled field keeps its dots', () => {
		const schema = z.object({ items: z.array(z.object({ name: z.string() })) });
		expect(messageOf(schema, { items: [{ name: 1 }] }, { items: 'Items' })).toBe(
			'Invalid value: "Items → 0.name" must be a string, not a number',
		);
	});

	it('a missing value reads "is required", whatever message the schema gave for it', () => {
		const schema = z.object({ id: z.string({ required_error: 'please fill in the ID' }) });
		expect(messageOf(schema, {}, { id: 'ID' })).toBe('Invalid value: "ID" is required');
	});
});

describe('field builders (second mutation run)', () => {
	const one = (schema: z.ZodTypeAny) => z.object({ f: schema });

	it('optional trims, with or without a maximum', () => {
		expect(fields.optional().parse('  x  ')).toBe('x');
		expect(fields.optional(5).parse('  x  ')).toBe('x');
	});

	it('currency names the expected form', () => {
		expect(messageOf(one(fields.currency()), { f: 'EURO' }, { f: 'Currency' })).toBe(
			'Invalid value: "Currency" must be a 3-letter ISO 4217 currency code, e.g. EUR',
		);
	});

	it('pathId refuses dot segments, saying so', () => {
		expect(messageOf(one(fields.pathId()), { f: '..' }, { f: 'ID' })).toBe(
			'Invalid value: "ID" cannot be "." or ".."',
		);
	});

	it('singleLine accepts one line and refuses a TAB or a line break, saying so', () => {
		expect(fields.singleLine().parse('one line')).toBe('one line');
		for (const bad of ['a\tb', 'a\nb', 'a\rb'])
			expect(messageOf(one(fields.singleLine()), { f: bad }, { f: 'Search' })).toBe(
				'Invalid value: "Search" must not contain a TAB or a line break',
			);
	});
});
