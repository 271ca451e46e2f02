/**
 * `npm run screenshots`: the browser check. Starts the demo (simulator + n8n with the pack),
 * logs in with Debian's Chromium (headless, driven by puppeteer-core: no browser download),
 * opens every example workflow (the agent example too) and the node panel of each CRM node,
 * checks that the resources and operations show, opens a resource locator's "From List"
 * dropdown and checks that it lists the CRM's records, and saves screenshots to
 * docs/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { portFrom } from '../test/lib/ports';
import { REPO } from '../test/e2e/lib/n8n';
import type { OwnerSession } from '../test/e2e/lib/owner';
import { startDemo } from './start';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.join(REPO, 'docs', 'screenshots');

/** Node panels to open: workflow id, node name, texts the panel must show. */
export const PANELS = [
	{
		workflow: 'crmcomActivity01',
		node: 'CRM.COM',
		expect: ['Resource', 'Activity', 'Operation', 'Get Many'],
		operations: ['Create', 'Delete', 'Get', 'Get Many', 'Get Tags', 'Set Tags', 'Update'],
	},
	{
		workflow: 'lighteningList01',
		node: 'Lightening',
		expect: ['Resource', 'Contact', 'Operation', 'Get Many', 'Customer IDs'],
		operations: ['Create', 'Create or Update', 'Delete', 'Get', 'Get Many', 'Update'],
	},
	{
		workflow: 'legacyPending001',
		node: 'CRM.COM Legacy',
		expect: ['Resource', 'Provisioning Request', 'Operation', 'Get Pending'],
		operations: ['Get Pending'],
	},
	{
		workflow: 'centrixContacts1',
		node: 'CentrixOne',
		expect: ['Resource', 'Contact', 'Operation', 'Get Many', 'Filter Mode'],
		operations: ['Create', 'Create or Update', 'Get', 'Get Many', 'Update'],
	},
	{
		workflow: 'centionCard00001',
		node: 'Cention',
		expect: ['Resource', 'Contact Card', 'Operation', 'Create or Update', 'Emails'],
		operations: ['Create or Update'],
	},
];

/**
 * Resource locators to open, each in a one-node workflow made for the shot in the demo's n8n
 * (`list` mode, nothing picked yet): clicking the field opens "From List", which must list
 * records of the simulator by the texts in `expect`.
 */
export const LOCATORS = [
	{
		slug: 'crm-com-contact',
		title: 'CRM.COM: pick a contact from the list',
		node: {
			name: 'CRM.COM',
			type: 'n8n-nodes-crm-pack.crmCom',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'list', value: '' },
			},
			credentials: { crmComApi: { id: 'crmcomSimApiKey1', name: 'CRM.COM (simulator)' } },
		},
		expect: ['Ada Lovelace', 'Grace'],
	},
];

/** The browser gets the demo's owner session, already proven by a login (test/e2e/lib/owner). */
async function login(page: Page, cookie: string): Promise<void> {
	const at = cookie.indexOf('=');
	await page.setCookie({
		name: cookie.slice(0, at),
		value: cookie.slice(at + 1),
		domain: 'localhost',
		path: '/',
	});
}

/** Where the browser check's time goes: one line per phase, printed at the end. */
export interface Timing {
	phase: string;
	ms: number;
}

async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	// the canvas nodes are the proof the workflow opened; the editor keeps a push connection
	// open, so "network idle" only adds waiting
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.waitForSelector('[data-test-id="canvas-node"]', { visible: true, timeout: 60_000 });
	// the canvas fits the view once its nodes are measured: two frames, then the picture is still
	await page.evaluate(
		'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250))))',
	);
}

/** Opens the node panel of `panel.node`, checks its texts and Operation list, saves two shots. */
async function checkPanel(page: Page, panel: (typeof PANELS)[number]): Promise<string[]> {
	const nodes = await page.$$('[data-test-id="canvas-node"]');
	let opened = false;
	for (const node of nodes) {
		const text = await node.evaluate((el) => el.textContent ?? '');
		if (text.includes(panel.node)) {
			await node.click({ count: 2 });
			opened = true;
			break;
		}
	}
	if (!opened) throw new Error(`Node "${panel.node}" not found in workflow ${panel.workflow}`);
	await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
	// the panel's parameter inputs settle after it opens (the Operation dropdown ignores an
	// earlier click): the one fixed pause kept, as before
	await new Promise((r) => setTimeout(r, 1500));
	// the panel is ready when it shows every text it must show (bounded)
	const readText = async () =>
		await page.$eval('[data-test-id="ndv"]', (el) => {
			const values = [...el.querySelectorAll('input')].map((input) => input.value);
			return `${el.textContent ?? ''} ${values.join(' ')}`;
		});
	let text = await readText();
	for (let k = 0; k < 100 && panel.expect.some((w) => !text.includes(w)); k++) {
		await new Promise((r) => setTimeout(r, 100));
		text = await readText();
	}
	for (const wanted of panel.expect) {
		if (!text.includes(wanted))
			throw new Error(`The ${panel.node} panel does not show "${wanted}"`);
	}
	const slug = panel.node.replace(/\W+/g, '-').toLowerCase();
	const file = path.join(OUT, `panel-${slug}.png`);
	await page.screenshot({ path: file });
	// open the Operation dropdown: every operation of the resource must be listed
	await page.click('[data-test-id="parameter-input-operation"] input');
	// n8n renders each option's name in `.option-headline`
	const OPTION = '.option-headline';
	await page.waitForSelector(OPTION, { timeout: 10_000 });
	const listed = await page.$$eval(OPTION, (items) =>
		items.map((i) => (i.textContent ?? '').trim()),
	);
	for (const operation of panel.operations) {
		if (!listed.some((entry) => entry.startsWith(operation))) {
			throw new Error(
				`The ${panel.node} Operation list does not show "${operation}": ${listed.join(' | ')}`,
			);
		}
	}
	const opsFile = path.join(OUT, `operations-${slug}.png`);
	await page.screenshot({ path: opsFile });
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	return [file, opsFile];
}

/** Opens a LOCATORS entry's "From List" dropdown and saves a screenshot of it. */
async function checkLocator(
	page: Page,
	baseUrl: string,
	session: OwnerSession,
	locator: (typeof LOCATORS)[number],
): Promise<string> {
	const created = await session.rest<{ data: { id: string } }>('POST', '/rest/workflows', {
		name: locator.title,
		active: false,
		nodes: [locator.node],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await openWorkflow(page, baseUrl, created.data.id);
	const node = await page.waitForSelector('[data-test-id="canvas-node"]', { visible: true });
	await node?.click({ count: 2 });
	await page.waitForSelector('[data-test-id="ndv"] [data-test-id="rlc-input"]', {
		visible: true,
		timeout: 30_000,
	});
	await page.click('[data-test-id="ndv"] [data-test-id="rlc-input"]');
	// the list is loaded from the CRM (the simulator) through the node's listSearch method
	const ITEM = '[data-test-id="rlc-item"]';
	await page.waitForSelector(ITEM, { visible: true, timeout: 30_000 });
	let listed: string[] = [];
	for (let k = 0; k < 100; k++) {
		listed = await page.$$eval(ITEM, (items) => items.map((i) => (i.textContent ?? '').trim()));
		if (locator.expect.every((w) => listed.some((entry) => entry.includes(w)))) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	for (const wanted of locator.expect) {
		if (!listed.some((entry) => entry.includes(wanted)))
			throw new Error(
				`The ${locator.node.name} list does not show "${wanted}": ${listed.join(' | ')}`,
			);
	}
	const file = path.join(OUT, `locator-${locator.slug}.png`);
	await page.screenshot({ path: file });
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	return file;
}

/**
 * The browser check: every example workflow opened once (its screenshot), and in the workflows
 * of PANELS the CRM node's panel and Operation list checked there (two more screenshots each).
 * `tarball`: reuse an already packed pack. `timings` receives where the time went.
 */
export async function takeScreenshots(tarball?: string, timings: Timing[] = []): Promise<string[]> {
	if (!existsSync(CHROMIUM))
		throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
	mkdirSync(OUT, { recursive: true });
	let mark = Date.now();
	const lap = (phase: string) => {
		const now = Date.now();
		timings.push({ phase, ms: now - mark });
		mark = now;
	};
	const demo = await startDemo(
		await portFrom(process.env.N8N_DEMO_PORT),
		await portFrom(process.env.SIMULATOR_PORT),
		true,
		tarball,
	);
	lap(
		tarball ? 'demo start (pack reused)' : 'demo start (build, pack, import, n8n up, owner proven)',
	);
	let browser: Browser | undefined;
	const files: string[] = [];
	try {
		browser = await puppeteer.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage',
			],
			defaultViewport: { width: 1440, height: 900 },
		});
		const page = await browser.newPage();
		await login(page, demo.session.cookie);
		lap('browser launch');
		const panelled = new Set<string>();
		for (const id of demo.workflowIds) {
			await openWorkflow(page, demo.n8nUrl, id);
			const file = path.join(OUT, `workflow-${id}.png`);
			await page.screenshot({ path: file });
			files.push(file);
			lap(`workflow ${id}`);
			for (const panel of PANELS.filter((p) => p.workflow === id)) {
				files.push(...(await checkPanel(page, panel)));
				panelled.add(panel.workflow);
				lap(`panel ${panel.node}`);
			}
		}
		const missing = PANELS.filter((p) => !panelled.has(p.workflow));
		if (missing.length)
			throw new Error(`No example workflow ${missing.map((p) => p.workflow).join(', ')}`);
		for (const locator of LOCATORS) {
			files.push(await checkLocator(page, demo.n8nUrl, demo.session, locator));
			lap(`locator ${locator.slug}`);
		}
		return files;
	} finally {
		await browser?.close();
		await demo.stop();
		lap('stop');
	}
}

if (require.main === module) {
	const timings: Timing[] = [];
	takeScreenshots(undefined, timings)
		.then((files) => {
			process.stdout.write(`${files.map((f) => path.relative(REPO, f)).join('\n')}\n`);
			process.stderr.write(
				`${timings.map((t) => `${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.phase}`).join('\n')}\n`,
			);
			process.exit(0);
		})
		.catch((error: unknown) => {
			process.stderr.write(`screenshots failed: ${(error as Error).stack ?? String(error)}\n`);
			process.exit(1);
		});
}
