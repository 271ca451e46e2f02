/**
 * `npm run screenshots`: the browser check. Starts the demo (simulator + n8n with the pack),
 * logs in with Debian's Chromium (headless, driven by puppeteer-core: no browser download),
 * opens every example workflow and the node panel of each CRM node, checks that the resources
 * and operations show, and saves screenshots to docs/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { REPO } from '../test/e2e/lib/n8n';
import { startDemo } from './start';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.join(REPO, 'docs', 'screenshots');

/** Node panels to open: workflow id, node name, texts the panel must show. */
const PANELS = [
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

async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'networkidle2', timeout: 90_000 });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await new Promise((r) => setTimeout(r, 1500));
}

export async function takeScreenshots(): Promise<string[]> {
	if (!existsSync(CHROMIUM))
		throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
	mkdirSync(OUT, { recursive: true });
	const demo = await startDemo(
		Number(process.env.N8N_DEMO_PORT ?? 5688),
		Number(process.env.SIMULATOR_PORT ?? 5689),
		true,
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
		for (const id of demo.workflowIds) {
			await openWorkflow(page, demo.n8nUrl, id);
			const file = path.join(OUT, `workflow-${id}.png`);
			await page.screenshot({ path: file });
			files.push(file);
		}
		for (const panel of PANELS) {
			await openWorkflow(page, demo.n8nUrl, panel.workflow);
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
			await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
			await new Promise((r) => setTimeout(r, 1500));
			const text = await page.$eval('[data-test-id="ndv"]', (el) => {
				const values = [...el.querySelectorAll('input')].map((input) => input.value);
				return `${el.textContent ?? ''} ${values.join(' ')}`;
			});
			for (const wanted of panel.expect) {
				if (!text.includes(wanted))
					throw new Error(`The ${panel.node} panel does not show "${wanted}"`);
			}
			const file = path.join(OUT, `panel-${panel.node.replace(/\W+/g, '-').toLowerCase()}.png`);
			await page.screenshot({ path: file });
			files.push(file);
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
			const opsFile = path.join(
				OUT,
				`operations-${panel.node.replace(/\W+/g, '-').toLowerCase()}.png`,
			);
			await page.screenshot({ path: opsFile });
			files.push(opsFile);
			await page.keyboard.press('Escape');
			await page.keyboard.press('Escape');
		}
		return files;
	} finally {
		await browser?.close();
		await demo.stop();
	}
}

if (require.main === module) {
	takeScreenshots()
		.then((files) => {
			process.stdout.write(`${files.map((f) => path.relative(REPO, f)).join('\n')}\n`);
			process.exit(0);
		})
		.catch((error: unknown) => {
			process.stderr.write(`screenshots failed: ${(error as Error).stack ?? String(error)}\n`);
			process.exit(1);
		});
}
