import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSimulator, type Simulator } from '../simulator/server';
import { CHECKS } from './checks';
import { failingCredentials, simulatorCredentials } from './credentials';
import {
	executeWorkflow,
	freshUserFolder,
	importCredentials,
	installLines,
	n8nCli,
	packThePack,
	REPO,
	startN8n,
	type N8nLine,
} from './lib/n8n';
import type { CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import type { LighteningApi } from '../simulator/apis/lightening';
import type { CentrixOneApi } from '../simulator/apis/centrixone';
import {
	CHROMIUM,
	LOCATORS,
	PANELS,
	takeScreenshots,
	type Timing,
} from '../../scripts/screenshots';
import { demoWorkflowFiles } from '../../scripts/start';
import { existsSync } from 'node:fs';
import { freePort } from '../lib/ports';
import { everyTriggerPolledSince, waitFor } from '../lib/waiting';

/**
 * The built pack inside real n8n (2.x on Node 24, 1.x LTS on Node 20): installed where n8n
 * installs community packages, credentials and every workflow of examples/ (plus the e2e-only
 * ones) imported with the n8n CLI, each executed headless against the simulator.
 */

const exampleFiles = readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.json'));
const e2eFiles = readdirSync(path.join(__dirname, 'workflows')).filter((f) => f.endsWith('.json'));
const lines: N8nLine[] = [];
let tarball = '';
let sim: Simulator;

beforeAll(
	async () => {
		sim = await startSimulator();
		lines.push(...(await installLines()));
		tarball = await packThePack();
	},
	45 * 60 * 1000,
);

afterAll(async () => await sim?.stop());

const LINE_NAMES = ['2.x', '1.x'];

describe.each(LINE_NAMES)('n8n %s', (which) => {
	let line: N8nLine;
	let userFolder: string;

	beforeAll(
		async () => {
			line = lines[LINE_NAMES.indexOf(which)];
			userFolder = await freshUserFolder(tarball);
			await importCredentials(line, userFolder, [
				...simulatorCredentials(sim),
				...failingCredentials(sim),
			]);
			const folder = mkdtempSync(path.join(tmpdir(), 'crm-pack-workflows-'));
			mkdirSync(folder, { recursive: true });
			for (const f of exampleFiles) cpSync(path.join(REPO, 'examples', f), path.join(folder, f));
			for (const f of e2eFiles) cpSync(path.join(__dirname, 'workflows', f), path.join(folder, f));
			const imported = await n8nCli(line, userFolder, [
				'import:workflow',
				'--separate',
				`--input=${folder}`,
			]);
			if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
		},
		10 * 60 * 1000,
	);

	it('imported every workflow', async () => {
		const listed = await n8nCli(line, userFolder, ['list:workflow']);
		expect(listed.code).toBe(0);
		for (const f of [...exampleFiles, ...e2eFiles]) {
			expect(listed.stdout).toContain(CHECKS[f]?.id ?? '');
		}
	});

	const cliFiles = [...exampleFiles, ...e2eFiles].filter((f) => !CHECKS[f]?.trigger);

	it.each(cliFiles)(
		'runs %s',
		async (file) => {
			const spec = CHECKS[file];
			expect(spec).toBeDefined();
			sim.reset();
			spec.before?.(sim);
			const result = await executeWorkflow(line, userFolder, spec.id);
			const printed = `${result.stdout}\n${result.stderr}`;
			if (spec.fails) {
				expect(result.code).not.toBe(0);
			} else {
				if (result.code !== 0) throw new Error(`n8n failed:\n${printed.slice(-3000)}`);
				expect(result.json).toBeDefined();
			}
			spec.check({ output: result.json, printed, exitCode: result.code, sim });
		},
		5 * 60 * 1000,
	);

	it(
		'the triggers, activated in a running n8n, act on each new record once',
		async () => {
			sim.reset();
			const api = sim.api<CrmComBackofficeApi>('crmcom');
			const lightening = sim.api<LighteningApi>('lightening');
			for (const file of [
				'crmcom-trigger-activities.json',
				'lightening-trigger-welcome.json',
				'centrixone-trigger-new-contacts.json',
			]) {
				const id = CHECKS[file].id;
				const activate =
					which === '2.x'
						? ['publish:workflow', `--id=${id}`]
						: ['update:workflow', `--id=${id}`, '--active=true'];
				const activated = await n8nCli(line, userFolder, activate);
				expect(activated.code).toBe(0);
			}
			const n8n = startN8n(line, userFolder, await freePort(), await freePort());
			let printed = '';
			n8n.stdout?.on('data', (d: Buffer) => (printed += d.toString()));
			n8n.stderr?.on('data', (d: Buffer) => (printed += d.toString()));
			try {
				// the activation polls store their cursors and emit nothing
				await waitFor(
					'the activation polls',
					() => everyTriggerPolledSince(sim, [0, 0, 0]),
					120_000,
				);
				const polls = sim.log.count('/activities', 'GET');
				const fresh = api.insertActivity({
					name: 'E2E trigger',
					linked_to: [{ type: 'CONTACT', id: [...api.contacts.keys()][0] }],
				});
				const contact = lightening.insert(
					{ customer_id: 1, name: 'E2E newcomer' },
					Date.now() + 1000,
				);
				const centrix = sim.api<CentrixOneApi>('centrixone');
				const newcomer = centrix.store({ ExternalID: 'E2E-NEW', Name: 'E2E newcomer' });
				await waitFor(
					'the next polls to act',
					() =>
						api.activities.get(fresh.id)?.description === 'Seen by n8n: E2E trigger' &&
						lightening.contacts.get(contact.id)?.role === 'Welcomed' &&
						centrix.contacts.get(newcomer.idc)?.fields.Notes === 'Seen by n8n',
					150_000,
				);
				expect(sim.log.count('/activities', 'GET')).toBeGreaterThan(polls);
				const puts = sim.log.find('/activities/', 'PUT').map((e) => e.path);
				expect(puts).toEqual([`/crmcom/backoffice/v2/activities/${fresh.id}`]);
				const welcomes = sim.log.find('/lightening/api/contact/', 'POST').map((e) => e.path);
				expect(welcomes).toEqual([`/lightening/api/contact/${contact.id}`]);
				const marks = sim.log
					.find('/Contacts-', 'POST')
					.map((e) => (e.body as { Contacts: Array<{ idc: number }> }).Contacts.map((c) => c.idc));
				expect(marks).toEqual([[newcomer.idc]]);
			} catch (error) {
				throw new Error(`${(error as Error).message}\n${printed.slice(-2000)}`);
			} finally {
				n8n.kill('SIGTERM');
				await new Promise((r) => n8n.once('exit', r));
			}
		},
		6 * 60 * 1000,
	);
});

describe('browser (Debian Chromium, headless)', () => {
	it(
		'logs into the demo, opens every example and each CRM node panel, and saves screenshots',
		async () => {
			if (!existsSync(CHROMIUM)) {
				throw new Error(
					`Chromium is not installed at ${CHROMIUM}: run bash scripts/system-deps.sh chromium (npm test does)`,
				);
			}
			const timings: Timing[] = [];
			// the pack packed once for the whole suite: the browser check reuses it
			const files = await takeScreenshots(tarball, timings);
			process.stdout.write(
				`BROWSER TIMING ${timings.map((t) => `${t.phase}: ${(t.ms / 1000).toFixed(1)} s`).join('; ')}\n`,
			);
			// one screenshot per demo workflow (the examples and the agent example), a panel and an
			// Operation list per CRM node, and an open "From List" per resource locator
			expect(files).toHaveLength(demoWorkflowFiles().length + 2 * PANELS.length + LOCATORS.length);
			expect(new Set(files).size).toBe(files.length);
		},
		10 * 60 * 1000,
	);
});
