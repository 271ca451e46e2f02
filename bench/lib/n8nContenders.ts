import { rmSync } from 'node:fs';
import net from 'node:net';

import { simulatorCredentials } from '../../test/e2e/credentials';
import {
	freshUserFolder,
	importCredentials,
	installLines,
	packThePack,
	startN8n,
	type N8nLine,
} from '../../test/e2e/lib/n8n';
import { ensureOwner, type OwnerSession } from '../../test/e2e/lib/owner';
import { outputOf, runThroughRest } from '../../test/e2e/lib/rest';
import type { Simulator } from '../../test/simulator/server';

/**
 * Contenders that run inside a real n8n (2.x, from the e2e setup): n8n's own HTTP Request node
 * and the pack's nodes, side by side in the same n8n, against the same simulator. A contender's
 * time is the node's own `executionTime` from the run data, so n8n's start-up is not counted.
 *
 * The results are read back from n8n, never from a process's stdout: one `n8n start` serves the
 * whole benchmark, each workflow is created and run through the REST API (as the editor's
 * "Execute workflow" does) and its finished execution is read from n8n's database through
 * `GET /rest/executions/:id`. (Reading ~10 MB of `n8n execute --rawOutput` through a pipe lost
 * its tail when n8n exited before the pipe drained on a busy machine.)
 */
export interface N8nBench {
	line: N8nLine;
	userFolder: string;
	/** Runs a one-off workflow; returns the named node's execution time and its output items. */
	run(workflow: BenchWorkflow, nodeName: string): Promise<NodeTiming>;
	close(): Promise<void>;
}

/** What a contender's output holds, to check it lost, doubled or reordered nothing. */
export interface OutputSummary {
	count: number;
	firstId?: string;
	lastId?: string;
	/** Sum of the ids' character codes weighted by position, mod 2^31: equal sets in equal order. */
	idChecksum: number;
	distinctIds: number;
}

export interface NodeTiming {
	ms: number;
	items: number;
	output: Array<Record<string, unknown>>;
	summary: OutputSummary;
	error?: string;
}

export interface BenchWorkflow {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
}

/** Count, first and last id, an order-sensitive checksum of the ids, and how many are distinct. */
export function summarize(items: Array<Record<string, unknown>>, idField = 'id'): OutputSummary {
	const ids = items
		.map((item) => item[idField])
		.filter((id) => id !== undefined)
		.map(String);
	let checksum = 0;
	ids.forEach((id, k) => {
		for (let c = 0; c < id.length; c++)
			checksum = (checksum * 31 + id.charCodeAt(c) * (k + 1)) % 2_147_483_647;
	});
	return {
		count: items.length,
		firstId: ids[0],
		lastId: ids[ids.length - 1],
		idChecksum: checksum,
		distinctIds: new Set(ids).size,
	};
}

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function healthy(url: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export async function startN8nBench(sim: Simulator): Promise<N8nBench> {
	const lines = await installLines();
	const line = lines[0];
	const tarball = await packThePack();
	const userFolder = await freshUserFolder(tarball);
	await importCredentials(line, userFolder, simulatorCredentials(sim));
	const port = await freePort();
	const n8n = startN8n(line, userFolder, port);
	let printed = '';
	const keep = (d: Buffer) => (printed = (printed + d.toString()).slice(-4000));
	n8n.stdout?.on('data', keep);
	n8n.stderr?.on('data', keep);
	const close = async () => {
		if (n8n.exitCode === null && n8n.signalCode === null) {
			const exited = new Promise((r) => n8n.once('exit', r));
			n8n.kill('SIGTERM');
			const timer = setTimeout(() => n8n.kill('SIGKILL'), 30_000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(userFolder, { recursive: true, force: true });
	};
	let session: OwnerSession;
	try {
		const base = `http://127.0.0.1:${port}`;
		await healthy(`${base}/healthz`, 180_000);
		session = await ensureOwner(base, { deadlineMs: 180_000 });
	} catch (error) {
		await close();
		throw new Error(`${(error as Error).message}\n${printed}`);
	}
	return {
		line,
		userFolder,
		async run(workflow, nodeName) {
			try {
				return await runOnce(workflow, nodeName);
			} catch (error) {
				const state =
					n8n.exitCode === null && n8n.signalCode === null
						? 'running'
						: `exited (${n8n.exitCode ?? n8n.signalCode})`;
				throw new Error(`${(error as Error).message}\n(n8n ${state}; its last lines:)\n${printed}`);
			}
		},
		close,
	};

	async function runOnce(workflow: BenchWorkflow, nodeName: string): Promise<NodeTiming> {
		const created = await session.rest<{ data: { id: string } }>('POST', '/rest/workflows', {
			...workflow,
			active: false,
			settings: { executionOrder: 'v1' },
		});
		const execution = await runThroughRest(
			session,
			created.data.id,
			String(trigger.name),
			15 * 60 * 1000,
		);
		const task = execution.runData[nodeName]?.[0];
		if (!task || typeof task.executionTime !== 'number')
			throw new Error(
				`n8n did not run "${nodeName}" (execution ${execution.id} ${execution.status}: ${execution.error?.message ?? 'no error'})`,
			);
		const output = outputOf(execution, nodeName);
		return {
			ms: task.executionTime,
			items: output.length,
			output,
			summary: summarize(output),
			error: task.error?.message,
		};
	}
}

const trigger = {
	parameters: {},
	id: 'trigger',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
};

/** A chain of nodes after a manual trigger. */
export function chain(name: string, nodes: Array<Record<string, unknown>>): BenchWorkflow {
	const all: Array<Record<string, unknown>> = [
		trigger,
		...nodes.map((n, k) => ({ position: [260 * (k + 1), 0], ...n })),
	];
	const connections: Record<string, unknown> = {};
	for (let k = 0; k < all.length - 1; k++)
		connections[all[k].name as string] = {
			main: [[{ node: all[k + 1].name, type: 'main', index: 0 }]],
		};
	return { name, nodes: all, connections };
}

/**
 * Input items made without a Code node (which 2.x runs only in task runners): a Set node builds
 * the list with `itemExpression` (a JS expression of `k`, 0-based), Split Out makes the items.
 */
export function generatedItems(
	count: number,
	itemExpression: string,
): Array<Record<string, unknown>> {
	return [
		{
			id: 'makeList',
			name: 'Make List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'n',
							type: 'array',
							value: `={{ Array.from({ length: ${count} }, (_, k) => (${itemExpression})) }}`,
						},
					],
				},
				options: {},
			},
		},
		{
			id: 'splitOut',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'n', options: {} },
		},
	];
}

export const CREDENTIAL_REFS = {
	crmComApi: { crmComApi: { id: 'crmcomSimApiKey1', name: 'CRM.COM (simulator)' } },
	centrixOneApi: { centrixOneApi: { id: 'centrixoneSim001', name: 'CentrixOne (simulator)' } },
};
