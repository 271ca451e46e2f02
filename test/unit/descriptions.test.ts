import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { Cention } from '../../nodes/Cention/Cention.node';
import { CentrixOne } from '../../nodes/CentrixOne/CentrixOne.node';
import { CentrixOneTrigger } from '../../nodes/CentrixOne/CentrixOneTrigger.node';
import { CrmCom } from '../../nodes/CrmCom/CrmCom.node';
import { CrmComTrigger } from '../../nodes/CrmCom/CrmComTrigger.node';
import { CrmComLegacy } from '../../nodes/CrmComLegacy/CrmComLegacy.node';
import { Lightening } from '../../nodes/Lightening/Lightening.node';
import { LighteningTrigger } from '../../nodes/Lightening/LighteningTrigger.node';
import { CrmComLegacyTrigger } from '../../nodes/CrmComLegacy/CrmComLegacyTrigger.node';

const NODES: INodeType[] = [
	new CrmCom(),
	new CrmComTrigger(),
	new CrmComLegacy(),
	new CrmComLegacyTrigger(),
	new CentrixOne(),
	new CentrixOneTrigger(),
	new Cention(),
	new Lightening(),
	new LighteningTrigger(),
];

/** Every property of a description, collections and fixed collections included, with its path. */
function* walk(properties: INodeProperties[], path: string): Generator<[string, INodeProperties]> {
	for (const property of properties) {
		const here = `${path} → ${property.displayName}`;
		yield [here, property];
		for (const option of (property.options ?? []) as Array<
			INodeProperties | INodePropertyCollection | INodePropertyOptions
		>) {
			if ('values' in option && Array.isArray(option.values))
				yield* walk(option.values, `${here} → ${option.displayName}`);
			else if ('type' in option && 'name' in option && 'displayName' in option)
				yield* walk([option as INodeProperties], here);
		}
	}
}

describe('node descriptions', () => {
	it.each(NODES.map((n) => [n.description.displayName, n] as const))(
		'%s: every dropdown has options and a default among them',
		(_name, node) => {
			const problems: string[] = [];
			for (const [path, property] of walk(
				node.description.properties,
				node.description.displayName,
			)) {
				if (property.type !== 'options' && property.type !== 'multiOptions') continue;
				if (property.typeOptions?.loadOptionsMethod) continue;
				const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
				if (values.length === 0) problems.push(`${path}: no options`);
				const defaults =
					property.type === 'multiOptions' ? (property.default as unknown[]) : [property.default];
				for (const value of defaults)
					if (!values.includes(value as string))
						problems.push(`${path}: default ${JSON.stringify(value)} is not an option`);
				for (const value of values)
					if (typeof value === 'string' && value.startsWith('='))
						problems.push(`${path}: option value ${value} would be read as an expression`);
			}
			expect(problems).toEqual([]);
		},
	);

	it.each(NODES.map((n) => [n.description.displayName, n] as const))(
		'%s: icons, credentials and tool use are declared',
		(_name, node) => {
			const d = node.description;
			expect(d.icon).toEqual({
				light: expect.stringMatching(/^file:.+\.svg$/),
				dark: expect.stringMatching(/^file:.+\.dark\.svg$/),
			});
			expect(d.credentials?.length).toBeGreaterThan(0);
			if (!d.polling) expect(d.usableAsTool).toBe(true);
		},
	);
});
