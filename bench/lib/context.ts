import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, type CrmNodeSetup } from '../../test/harness/crmNodes';
import { executeNode, type NodeRunResult } from '../../test/harness/harness';
import type { Simulator } from '../../test/simulator/server';
import type { N8nBench } from './n8nContenders';
import type { ResultRow } from './measure';

/** What every scenario gets: sizes, the simulator, the real n8n (unless skipped), the table. */
export interface BenchContext {
	quick: boolean;
	latencyMs: number;
	sim: Simulator;
	n8n?: N8nBench;
	rows: ResultRow[];
	log(line: string): void;
}

/** Runs one of the pack's nodes, with its simulator credential, through n8n-core (the test harness). */
export async function runCrmNode(
	sim: Simulator,
	setup: CrmNodeSetup,
	parameters: IDataObject,
	input?: IDataObject[],
): Promise<NodeRunResult> {
	return await executeNode({
		...crmNode(sim, setup),
		parameters: parameters as INodeParameters,
		input,
	});
}

/** Fails the benchmark loudly: a contender that lost or duplicated data has no valid time. */
export function check(condition: boolean, what: string): void {
	if (!condition) throw new Error(`Benchmark check failed: ${what}`);
}

export function speedupRow(
	scenario: string,
	contender: string,
	baseline: string,
	contenderMs: number,
	baselineMs: number,
	target?: number,
	notes?: string,
): ResultRow {
	const speedup = baselineMs / contenderMs;
	return {
		scenario,
		contender,
		baseline,
		speedup,
		target: target === undefined ? undefined : `≥ ${target}×`,
		met: target === undefined ? undefined : speedup >= target,
		notes,
	};
}
