import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { Cention } from '../../nodes/Cention/Cention.node';
import { CentrixOne } from '../../nodes/CentrixOne/CentrixOne.node';
import { CentrixOneTrigger } from '../../nodes/CentrixOne/CentrixOneTrigger.node';
import { CrmCom } from '../../nodes/CrmCom/CrmCom.node';
import { CrmComTrigger } from '../../nodes/CrmCom/CrmComTrigger.node';
import { CrmComLegacy } from '../../nodes/CrmComLegacy/CrmComLegacy.node';
import { CrmComLegacyTrigger } from '../../nodes/CrmComLegacy/CrmComLegacyTrigger.node';
import { Lightening } from '../../nodes/Lightening/Lightening.node';
import { LighteningTrigger } from '../../nodes/Lightening/LighteningTrigger.node';

/**
 * What n8n shows of every node: its whole description (properties with names, types, defaults,
 * options and displayOptions; credentials; inputs and outputs), as JSON. A refactoring of the
 * description code must leave it unchanged; a wanted change regenerates the file with
 * `UPDATE_DESCRIPTION_SNAPSHOT=1 npx jest test/unit/descriptionSnapshot.test.ts` and shows in
 * the diff of `__snapshots__/descriptions.json`.
 */
const NODES: Array<[string, INodeType]> = [
	['Cention', new Cention()],
	['CentrixOne', new CentrixOne()],
	['CentrixOneTrigger', new CentrixOneTrigger()],
	['CrmCom', new CrmCom()],
	['CrmComTrigger', new CrmComTrigger()],
	['CrmComLegacy', new CrmComLegacy()],
	['CrmComLegacyTrigger', new CrmComLegacyTrigger()],
	['Lightening', new Lightening()],
	['LighteningTrigger', new LighteningTrigger()],
];

const FILE = join(__dirname, '__snapshots__', 'descriptions.json');

/** Functions (extractValue callbacks and the like) are named, so a dropped one shows too. */
function plain(value: unknown): unknown {
	return JSON.parse(
		JSON.stringify(value, (_key, v: unknown) =>
			typeof v === 'function' ? `[function ${(v as { name?: string }).name ?? ''}]` : v,
		),
	) as unknown;
}

const current = Object.fromEntries(NODES.map(([name, node]) => [name, plain(node.description)]));

if (process.env.UPDATE_DESCRIPTION_SNAPSHOT === '1')
	writeFileSync(FILE, `${JSON.stringify(current, null, '\t')}\n`);

const stored = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;

describe('node descriptions are what n8n showed before', () => {
	it('covers the same nodes', () => {
		expect(Object.keys(current).sort()).toEqual(Object.keys(stored).sort());
	});

	it.each(NODES.map(([name]) => name))('%s', (name) => {
		expect(current[name]).toEqual(stored[name]);
	});
});
