/**
 * `npm start`: the demo. Builds the pack, starts the CRM simulator with demo data, and n8n 2.x on
 * http://localhost:5678 with the pack installed as a community package, a credential per CRM
 * pointing at the simulator, and every example workflow imported. Ctrl-C stops everything.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
import { startSimulator } from '../test/simulator/server';

const N8N_PORT = Number(process.env.N8N_DEMO_PORT ?? 5678);
const SIM_PORT = Number(process.env.SIMULATOR_PORT ?? 5680);
export const DEMO_OWNER = { email: 'demo@crm-pack.dev', password: 'CrmPackDemo1!', firstName: 'Demo', lastName: 'User' };

const say = (text: string) => process.stdout.write(`[demo] ${text}\n`);

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
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

/** Creates the owner account (n8n registers its REST routes shortly after /healthz answers). */
async function setUpOwner(): Promise<void> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const reply = await fetch(`http://127.0.0.1:${N8N_PORT}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(DEMO_OWNER),
		});
		if (reply.ok) return;
		if (reply.status !== 404) {
			say(`owner setup answered ${reply.status}: ${(await reply.text()).slice(0, 200)}`);
			return;
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	say('owner setup did not become available; create the owner in the browser');
}

async function main(): Promise<void> {
	const started = Date.now();
	say('installing n8n (cached after the first run)…');
	const [line] = await installLines();
	say('building and packing the CRM pack…');
	const tarball = await packThePack();
	const sim = await startSimulator({ port: SIM_PORT });
	say(`CRM simulator on ${sim.url}`);
	const userFolder = await freshUserFolder(tarball);
	await importCredentials(line, userFolder, simulatorCredentials(sim));
	const folder = mkdtempSync(path.join(tmpdir(), 'crm-pack-demo-workflows-'));
	for (const f of readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.json'))) {
		cpSync(path.join(REPO, 'examples', f), path.join(folder, f));
	}
	const imported = await n8nCli(line, userFolder, ['import:workflow', '--separate', `--input=${folder}`]);
	if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
	rmSync(folder, { recursive: true, force: true });

	say(`starting ${line.name} on http://localhost:${N8N_PORT} …`);
	const n8n = startN8n(line, userFolder, N8N_PORT);
	n8n.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
	const stop = async (code = 0) => {
		n8n.kill('SIGTERM');
		await sim.stop();
		rmSync(userFolder, { recursive: true, force: true });
		process.exit(code);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	n8n.on('exit', (code) => {
		say(`n8n exited (${code ?? 'signal'})`);
		void stop(code ?? 0);
	});

	await waitForHttp(`http://127.0.0.1:${N8N_PORT}/healthz`, 180_000);
	await setUpOwner();

	say(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
	process.stdout.write(`
  n8n:        http://localhost:${N8N_PORT}
  login:      ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}
  simulator:  ${sim.url}  (faults and request log: ${sim.url}/_sim/log)

  Open a workflow (Overview → Workflows), press "Execute workflow", and see CRM data.
  Ctrl-C stops n8n and the simulator.
`);
}

main().catch((error: unknown) => {
	process.stderr.write(`[demo] failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
