import type { INodeProperties } from 'n8n-workflow';

import {
	crudOption,
	defineResource,
	dispatchMaps,
	operationOption,
	resourceProperties,
	type DeclaredOperation,
} from '../../nodes/shared/operations';

const op = (value: string): DeclaredOperation => ({
	option: operationOption(value, value.toUpperCase(), `Do ${value}`),
	description: [{ displayName: 'X', name: `x${value}`, type: 'string', default: '' }],
	execute: async () => [],
});

describe('crudOption: one naming rule for the common operations', () => {
	it.each([
		[crudOption('get', 'contact'), 'Get', 'Get a contact', undefined],
		[crudOption('get', 'activity'), 'Get', 'Get an activity', undefined],
		[crudOption('getAll', 'contacts'), 'Get Many', 'Get many contacts', undefined],
		[crudOption('create', 'insight'), 'Create', 'Create an insight', undefined],
		[crudOption('delete', 'contact'), 'Delete', 'Delete a contact', undefined],
		[
			crudOption('upsert', 'contact card'),
			'Create or Update',
			'Create or update a contact card',
			'Create a new record, or update the current one if it already exists (upsert)',
		],
		[
			crudOption('update', 'contact', { action: 'Update contacts', description: 'Many at once' }),
			'Update',
			'Update contacts',
			'Many at once',
		],
	])('%j', (option, name, action, description) => {
		expect(option.name).toBe(name);
		expect(option.action).toBe(action);
		expect(option.description).toBe(description);
	});
});

describe('resourceProperties and dispatchMaps', () => {
	const thing = defineResource('thingPart', [op('a'), op('b')], 'a');
	const other = defineResource('other', [op('c')], 'c', 'Custom API Call');

	it('names a resource from its value unless given, sorts the Resource dropdown by name', () => {
		const [resource, ...rest] = resourceProperties([thing, other], 'thingPart');
		expect(resource.name).toBe('resource');
		expect(resource.default).toBe('thingPart');
		expect(resource.options).toEqual([
			{ name: 'Custom API Call', value: 'other' },
			{ name: 'Thing Part', value: 'thingPart' },
		]);
		// then each resource's Operation dropdown and fields, in the order given
		expect(rest.map((p: INodeProperties) => p.name)).toEqual([
			'operation',
			'xa',
			'xb',
			'operation',
			'xc',
		]);
	});

	it('hands the router each resource with its operations', () => {
		const maps = dispatchMaps({ thingPart: thing, other });
		expect(Object.keys(maps)).toEqual(['thingPart', 'other']);
		expect(Object.keys(maps.thingPart)).toEqual(['a', 'b']);
		expect(maps.other.c).toBe(other.operations.c);
	});
});
