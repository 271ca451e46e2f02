import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { simulatorCredentials } from '../../test/e2e/credentials';
import {
	executeWorkflow,
	findRunData,
	freshUserFolder,
	importCredentials,
	installLines,
	n8nCli,
	packThePack,
	type N8nLine,
} from '../../test/e2e/lib/n8n';
import type { Simulator } from '../../test/simulator/server';

/**
 * Contenders that run inside a real n8n (2.x, from the e2e setup): n8n's own HTTP Request node
 * and the pack's nodes, side by side in the same n8n, against the same simulator. A contender's
 * time is the node's own `executionTime` from the run data, so n8n's start-up is not counted.
 */
export interface N8nBench {
	line: N8nLine;
	userFolder: string;
	/** Runs a one-off workflow; returns the named node's execution time and its output items. */
	run(workflow: BenchWorkflow, nodeName: string): Promise<NodeTiming>;
	close(): void;
}

export interface NodeTiming {
	ms: number;
	items: number;
	output: Array<Record<string, unknown>>;
	error?: string;
}

export interface BenchWorkflow {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
}

export async function startN8nBench(sim: Simulator): Promise<N8nBench> {
	const lines = await installLines();
	const line = lines[0];
	const tarball = await packThePack();
	const userFolder = await freshUserFolder(tarball);
	await importCredentials(line, userFolder, simulatorCredentials(sim));
	let counter = 0;
	return {
		line,
		userFolder,
		async run(workflow, nodeName) {
			const id = `benchWorkflow${String(++counter).padStart(4, '0')}`;
			const file = path.join(mkdtempSync(path.join(tmpdir(), 'crm-pack-bench-')), 'wf.json');
			writeFileSync(file, JSON.stringify({ id, active: false, settings: {}, ...workflow }));
			const imported = await n8nCli(line, userFolder, ['import:workflow', `--input=${file}`]);
			if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
			const result = await executeWorkflow(line, userFolder, id, 15 * 60 * 1000);
			const runs = findRunData(result.json)?.[nodeName] ?? [];
			const task = runs[0] as
				| {
						executionTime?: number;
						data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
						error?: { message?: string };
				  }
				| undefined;
			if (!task || typeof task.executionTime !== 'number')
				throw new Error(
					`n8n did not run "${nodeName}": ${result.stderr.slice(-2000) || result.stdout.slice(-2000)}`,
				);
			const output = (task.data?.main?.[0] ?? []).map((item) => item.json);
			return { ms: task.executionTime, items: output.length, output, error: task.error?.message };
		},
		close() {
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
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
