/**
 * `npm start`: the demo. Builds the pack, starts the CRM simulator with demo data, a local
 * OpenAI-compatible model server (the scripted model of the agent example), and n8n 2.x on
 * http://localhost:5678 with the pack installed as a community package, a credential per CRM
 * pointing at the simulator, an OpenAI credential pointing at the model server, and every example
 * workflow imported (examples/ and examples/agent/). Ctrl-C stops everything.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { simulatorCredentials } from '../test/e2e/credentials';
import {
	freshUserFolder,
	importCredentials,
	installLines,
	n8nCli,
	packThePack,
	REPO,
	startN8n,
} from '../test/e2e/lib/n8n';
import { DEMO_OWNER, ensureOwner, type OwnerSession } from '../test/e2e/lib/owner';
import { modelCredential, startOpenAiServer } from '../test/e2e/lib/openaiServer';
import { AGENT_EXAMPLE, crmAgentScript } from '../test/e2e/lib/agentScript';
import { startSimulator } from '../test/simulator/server';

const N8N_PORT = Number(process.env.N8N_DEMO_PORT ?? 5678);
const SIM_PORT = Number(process.env.SIMULATOR_PORT ?? 5680);
/** The model server's port; 0 (the default) takes any free one. */
const MODEL_PORT = Number(process.env.MODEL_PORT ?? 0);
export { DEMO_OWNER };

const say = (text: string) => process.stdout.write(`[demo] ${text}\n`);

async function waitForHttp(
	url: string,
	timeoutMs: number,
	child?: { exitCode: number | null; signalCode: NodeJS.Signals | null },
	printed?: () => string,
): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child && (child.exitCode !== null || child.signalCode !== null))
			throw new Error(
				`n8n exited (${child.exitCode ?? child.signalCode}) before ${url} answered:\n${printed?.() ?? ''}`,
			);
		try {
			const reply = await fetch(url);
			if (reply.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface Demo {
	n8nUrl: string;
	simUrl: string;
	/** The local model server's Base URL (the OpenAI credential of the demo points at it). */
	modelUrl: string;
	workflowIds: string[];
	/** The owner's session, proven by a login with the printed credentials and a workflow list. */
	session: OwnerSession;
	/** Seconds from the start to "ready". */
	readySeconds: number;
	stop(): Promise<void>;
}

/**
 * Starts the simulator and n8n with the pack, credentials, examples and the owner account.
 * `tarball`: an already packed pack (the e2e suite packs it once), else it is built and packed.
 */
export async function startDemo(
	port = N8N_PORT,
	simPort = SIM_PORT,
	quiet = false,
	tarball?: string,
): Promise<Demo> {
	const log = quiet ? () => undefined : say;
	const started = Date.now();
	log('installing n8n (cached after the first run)…');
	const [line] = await installLines();
	if (!tarball) log('building and packing the CRM pack…');
	const packed = tarball ?? (await packThePack());
	const sim = await startSimulator({ port: simPort, profile: 'live' });
	log(`CRM simulator on ${sim.url}`);
	const model = await startOpenAiServer(crmAgentScript, MODEL_PORT);
	log(`scripted model (OpenAI-compatible) on ${model.baseUrl}`);
	const userFolder = await freshUserFolder(packed);
	await importCredentials(line, userFolder, [
		...simulatorCredentials(sim),
		modelCredential(model.baseUrl),
	]);
	const folder = mkdtempSync(path.join(tmpdir(), 'crm-pack-demo-workflows-'));
	const files = demoWorkflowFiles();
	for (const f of files) cpSync(f, path.join(folder, path.basename(f)));
	const workflowIds = files.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { id: string }).id);
	const imported = await n8nCli(line, userFolder, [
		'import:workflow',
		'--separate',
		`--input=${folder}`,
	]);
	if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
	rmSync(folder, { recursive: true, force: true });

	log(`starting ${line.name} on http://localhost:${port} …`);
	const n8n = startN8n(line, userFolder, port);
	let n8nPrinted = '';
	const keep = (d: Buffer) => (n8nPrinted = (n8nPrinted + d.toString()).slice(-3000));
	n8n.stdout?.on('data', keep);
	n8n.stderr?.on('data', keep);
	if (!quiet) n8n.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		const exited = new Promise((r) =>
			n8n.exitCode !== null || n8n.signalCode !== null ? r(null) : n8n.once('exit', r),
		);
		n8n.kill('SIGTERM');
		// n8n waits for running executions on SIGTERM; a stop is bounded all the same
		const timer = setTimeout(() => n8n.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(timer);
		await sim.stop();
		await model.stop();
		rmSync(userFolder, { recursive: true, force: true });
	};
	n8n.on('exit', (code) => {
		if (!stopped) log(`n8n exited (${code ?? 'signal'})`);
	});
	let session: OwnerSession;
	try {
		await waitForHttp(`http://127.0.0.1:${port}/healthz`, 180_000, n8n, () => n8nPrinted);
		// "ready" only once the printed login works and lists the imported workflows
		session = await ensureOwner(`http://127.0.0.1:${port}`, { deadlineMs: 180_000, log });
		const missing = workflowIds.filter((id) => !session.workflows.some((w) => w.id === id));
		if (missing.length)
			throw new Error(`n8n does not list the imported workflows ${missing.join(', ')}`);
	} catch (error) {
		await stop();
		throw error;
	}
	const readySeconds = Math.round((Date.now() - started) / 1000);
	log(`ready in ${readySeconds} s: login checked (${session.workflows.length} workflows listed)`);
	return {
		n8nUrl: `http://localhost:${port}`,
		simUrl: sim.url,
		modelUrl: model.baseUrl,
		workflowIds,
		session,
		readySeconds,
		stop,
	};
}

/** The workflows the demo imports: every file of examples/, then the agent example. */
export function demoWorkflowFiles(): string[] {
	const top = readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => path.join(REPO, 'examples', f));
	return [...top, AGENT_EXAMPLE];
}

/** The agent example, and what it shows. */
export const AGENT_DEMO = {
	id: (JSON.parse(readFileSync(AGENT_EXAMPLE, 'utf8')) as { id: string }).id,
	shows:
		'The AI Agent calls the CRM nodes as tools (one per CRM) through a scripted local model, then summarises.',
};

/** The example a newcomer opens first, and what it shows. */
export const FIRST_EXAMPLE = {
	id: 'crmcomActivity01',
	name: exampleName('crmcomActivity01'),
	shows:
		'Press "Execute workflow": the CRM.COM node lists the 10 pending activities of the demo CRM.',
};

function exampleName(id: string): string {
	for (const f of readdirSync(path.join(REPO, 'examples')).filter((x) => x.endsWith('.json'))) {
		const wf = JSON.parse(readFileSync(path.join(REPO, 'examples', f), 'utf8')) as {
			id: string;
			name: string;
		};
		if (wf.id === id) return wf.name;
	}
	throw new Error(`no example workflow with id ${id}`);
}

async function main(): Promise<void> {
	const demo = await startDemo();
	process.stdout.write(`
  n8n:        ${demo.n8nUrl}
  login:      ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}
  simulator:  ${demo.simUrl}  (faults and request log: ${demo.simUrl}/_sim/log)

  Open first:  "${FIRST_EXAMPLE.name}"  (${demo.n8nUrl}/workflow/${FIRST_EXAMPLE.id})
               ${FIRST_EXAMPLE.shows}
  Then the other examples (Overview → Workflows): press "Execute workflow" in each.
  AI agent:    ${demo.n8nUrl}/workflow/${AGENT_DEMO.id}
               ${AGENT_DEMO.shows}
               (model: ${demo.modelUrl}; put your own model in the "OpenAI Chat Model" node)
  Ctrl-C stops n8n and the simulator.
`);
	const stop = async () => {
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`[demo] failed: ${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
