import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'flatted';

import { REPO } from './lib/n8n';

import { portFrom } from '../lib/ports';
/**
 * `npm start` as a newcomer meets it, on a loaded machine (#21): the demo is started while
 * busy processes keep every core at work; the login it prints must work through /rest/login,
 * that session must list every example workflow, and the example it says to open first must run
 * through the REST API (as the editor's "Execute workflow" does) and return the CRM's data.
 */

/** Busy processes beside the demo: one per core unless told. */
const LOAD = Number(process.env.DEMO_TEST_LOAD ?? os.cpus().length);

/** Processes that keep a core busy each (bounded: killed in `stop`, and after 10 minutes). */
function startLoad(count: number): { stop(): void } {
	const children: ChildProcess[] = Array.from({ length: count }, () =>
		spawn(
			process.execPath,
			[
				'-e',
				'const end = Date.now() + 600000; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);',
			],
			{ stdio: 'ignore' },
		),
	);
	return {
		stop: () => {
			for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}

function example(file: string): { id: string; nodes: Array<{ name: string; type: string }> } {
	return JSON.parse(readFileSync(path.join(REPO, 'examples', file), 'utf8')) as {
		id: string;
		nodes: Array<{ name: string; type: string }>;
	};
}

interface Printed {
	email: string;
	password: string;
	url: string;
	firstId: string;
	readySeconds: number;
}

/** Starts `npm start` (its own process group) and waits for the banner; what it printed. */
async function startDemo(): Promise<{
	child: ChildProcess;
	printed: Printed;
	output: () => string;
}> {
	const n8nPort = await portFrom(process.env.DEMO_TEST_N8N_PORT);
	const simPort = await portFrom(process.env.DEMO_TEST_SIM_PORT);
	const child = spawn('npm', ['start'], {
		cwd: REPO,
		env: { ...process.env, N8N_DEMO_PORT: String(n8nPort), SIMULATOR_PORT: String(simPort) },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let out = '';
	child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
	const until = Date.now() + 8 * 60 * 1000;
	while (!out.includes('Ctrl-C stops')) {
		if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
		if (Date.now() > until) throw new Error(`npm start printed no banner in 8 minutes:\n${out}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	const login = /login:\s+(\S+)\s+\/\s+(\S+)/.exec(out);
	const url = /n8n:\s+(http\S+)/.exec(out);
	const first = /Open first:.*\/workflow\/(\w+)\)/.exec(out);
	const ready = /ready in (\d+) s/.exec(out);
	if (!login || !url || !first || !ready) throw new Error(`the banner lacks a line:\n${out}`);
	return {
		child,
		output: () => out,
		printed: {
			email: login[1],
			password: login[2],
			url: url[1],
			firstId: first[1],
			readySeconds: Number(ready[1]),
		},
	};
}

async function stopDemo(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const exited = new Promise((r) => child.once('exit', r));
	process.kill(-child.pid, 'SIGINT');
	const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 30_000);
	await exited;
	clearTimeout(timer);
}

it(
	'npm start on a loaded machine prints a login that works, lists the examples and runs the first one',
	async () => {
		const load = startLoad(LOAD);
		let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
		try {
			demo = await startDemo();
			const { printed } = demo;
			const base = printed.url.replace('localhost', '127.0.0.1');

			// the printed credentials, as a person would type them
			const login = await fetch(`${base}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({
					emailOrLdapLoginId: printed.email,
					email: printed.email,
					password: printed.password,
				}),
			});
			expect(login.status).toBe(200);
			const cookie = /n8n-auth=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
			expect(cookie).not.toBe('');
			const call = async (method: string, url: string, body?: unknown) => {
				const reply = await fetch(`${base}${url}`, {
					method,
					headers: { Cookie: cookie, 'Content-Type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				if (!reply.ok)
					throw new Error(`${method} ${url} answered ${reply.status}: ${await reply.text()}`);
				return (await reply.json()) as { data: unknown };
			};

			// every example workflow (examples/ and the agent example) is listed for that session
			const listed = (await call('GET', '/rest/workflows')).data as Array<{ id: string }>;
			const examples = readdirSync(path.join(REPO, 'examples'))
				.filter((f) => f.endsWith('.json'))
				.map((f) => example(f).id);
			examples.push(example('agent/crm-pack-ai-agent.json').id);
			expect(listed.map((w) => w.id).sort()).toEqual(examples.sort());

			// the example the banner says to open first runs, and shows the CRM's activities
			expect(printed.firstId).toBe('crmcomActivity01');
			const trigger = example('crmcom-activities.json').nodes.find(
				(n) => n.type === 'n8n-nodes-base.manualTrigger',
			);
			type RunData = Record<
				string,
				Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
			/** Runs a workflow from its manual trigger; the stored execution's status and run data. */
			const runWorkflow = async (id: string, triggerName?: string) => {
				const started = (await call('POST', `/rest/workflows/${id}/run`, {
					triggerToStartFrom: { name: triggerName },
				})) as { data: { executionId: string } };
				let execution: { status: string; data?: string } | undefined;
				for (let k = 0; k < 240; k++) {
					const answer = (await call('GET', `/rest/executions/${started.data.executionId}`)) as {
						data: { status: string; data?: string };
					};
					if (['success', 'error', 'crashed', 'canceled'].includes(answer.data.status)) {
						execution = answer.data;
						break;
					}
					await new Promise((r) => setTimeout(r, 500));
				}
				const run = parse(execution?.data ?? '{}') as { resultData?: { runData?: RunData } };
				return { status: execution?.status, runData: run.resultData?.runData ?? {} };
			};
			const first = await runWorkflow(printed.firstId, trigger?.name);
			expect(first.status).toBe('success');
			const items = first.runData['CRM.COM'][0].data.main[0].map((i) => i.json);
			expect(items).toHaveLength(10);
			expect(items.every((i) => i.state === 'PENDING' && typeof i.id === 'string')).toBe(true);

			// the agent example works in the demo too: its model is the demo's local model server
			const agent = example('agent/crm-pack-ai-agent.json');
			const agentRun = await runWorkflow(
				agent.id,
				agent.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name,
			);
			expect(agentRun.status).toBe('success');
			const answer = String(agentRun.runData['AI Agent'][0].data.main[0][0].json.output);
			expect(answer).toContain('Ada Lovelace');
			process.stdout.write(
				`DEMO RUN ready in ${printed.readySeconds} s with ${LOAD} busy processes; login ok; ${listed.length} workflows; ${items.length} CRM.COM activities; agent answered\n`,
			);
		} catch (error) {
			throw new Error(
				`${(error as Error).message}\n--- npm start printed:\n${demo?.output().slice(-3000) ?? ''}`,
			);
		} finally {
			load.stop();
			if (demo) await stopDemo(demo.child);
		}
	},
	12 * 60 * 1000,
);
