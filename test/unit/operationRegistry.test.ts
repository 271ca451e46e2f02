import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Cention } from '../../nodes/Cention/Cention.node';
import { resources as centionResources } from '../../nodes/Cention/actions/router';
import { CentrixOne } from '../../nodes/CentrixOne/CentrixOne.node';
import { resources as centrixOneResources } from '../../nodes/CentrixOne/actions/router';
import { CrmCom } from '../../nodes/CrmCom/CrmCom.node';
import { resources as crmComResources } from '../../nodes/CrmCom/actions/router';
import { CrmComLegacy } from '../../nodes/CrmComLegacy/CrmComLegacy.node';
import { resources as legacyResources } from '../../nodes/CrmComLegacy/actions/router';
import { Lightening } from '../../nodes/Lightening/Lightening.node';
import { resources as lighteningResources } from '../../nodes/Lightening/actions/router';
import { defineResource, type DeclaredOperation } from '../../nodes/shared/operations';
import type { ResourceMap } from '../../nodes/shared/router';

const NODES: Array<[string, INodeType, ResourceMap]> = [
	['Cention', new Cention(), centionResources],
	['CentrixOne', new CentrixOne(), centrixOneResources],
	['CrmCom', new CrmCom(), crmComResources],
	['CrmComLegacy', new CrmComLegacy(), legacyResources],
	['Lightening', new Lightening(), lighteningResources],
];

const values = (property: INodeProperties | undefined): string[] =>
	((property?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));

/** The Operation dropdown of one resource, as the node's description shows it. */
function operationDropdown(properties: INodeProperties[], resource: string) {
	const found = properties.filter(
		(p) =>
			p.name === 'operation' &&
			((p.displayOptions?.show?.resource ?? []) as string[]).includes(resource),
	);
	return found;
}

describe.each(NODES)('%s: every dropdown value has a handler and vice versa', (_, node, map) => {
	const properties = node.description.properties;
	const resourceProperty = properties.find((p) => p.name === 'resource');

	it('has a resource module for every resource value, and a resource value for every module', () => {
		expect(values(resourceProperty).sort()).toEqual(Object.keys(map).sort());
	});

	it('has exactly one Operation dropdown per resource, whose values are the handlers', () => {
		for (const resource of values(resourceProperty)) {
			const dropdowns = operationDropdown(properties, resource);
			expect(dropdowns).toHaveLength(1);
			const dropdown = dropdowns[0];
			expect(values(dropdown).sort()).toEqual(Object.keys(map[resource]).sort());
			expect(values(dropdown)).toContain(dropdown.default);
			for (const operation of values(dropdown)) {
				const handler = map[resource][operation];
				expect(
					typeof handler.execute === 'function' || typeof handler.executeAll === 'function',
				).toBe(true);
				// each of the handler's fields shows once, under this resource and operation only
				for (const field of handler.description) {
					const shown = properties.filter(
						(p) =>
							p.name === field.name &&
							JSON.stringify(p.displayOptions?.show?.resource) === JSON.stringify([resource]) &&
							JSON.stringify(p.displayOptions?.show?.operation) === JSON.stringify([operation]),
					);
					expect(shown).toHaveLength(1);
				}
			}
		}
	});

	it('lists every dropdown entry with a name and an action that starts with a capital, sorted by name', () => {
		for (const resource of values(resourceProperty)) {
			const options = operationDropdown(properties, resource)[0].options as INodePropertyOptions[];
			const names = options.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const option of options) {
				expect(option.action).toMatch(/^[A-Z][a-z]/);
				expect(option.name).not.toBe('');
			}
		}
	});
});

describe('defineResource', () => {
	const op = (value: string, name: string): DeclaredOperation => ({
		option: { value, name, action: `Do ${value}` },
		description: [{ displayName: 'X', name: 'x', type: 'string', default: '' }],
		execute: async () => [],
	});

	it('builds the dropdown sorted by name, the fields in list order and the dispatch map', () => {
		const b = op('b', 'Alpha');
		const a = op('a', 'Beta');
		const built = defineResource('thing', [a, b], 'a');
		expect(built.description[0]).toMatchObject({
			name: 'operation',
			noDataExpression: true,
			displayOptions: { show: { resource: ['thing'] } },
			default: 'a',
			options: [
				{ name: 'Alpha', value: 'b', action: 'Do b' },
				{ name: 'Beta', value: 'a', action: 'Do a' },
			],
		});
		expect(built.description.slice(1)).toEqual([
			{ ...a.description[0], displayOptions: { show: { resource: ['thing'], operation: ['a'] } } },
			{ ...b.description[0], displayOptions: { show: { resource: ['thing'], operation: ['b'] } } },
		]);
		expect(built.operations).toEqual({ a, b });
	});

	it('refuses two operations with one value', () => {
		expect(() => defineResource('thing', [op('a', 'One'), op('a', 'Two')], 'a')).toThrow(
			'Resource "thing" declares "a" twice',
		);
	});
});
