import { parse } from 'flatted';

import type { OwnerSession } from './owner';

/**
 * Runs a workflow in a running n8n through its REST API, as the editor's "Execute workflow"
 * button does (`POST /rest/workflows/:id/run` from the manual trigger), and reads the finished
 * execution back from n8n (`GET /rest/executions/:id`): the results come from n8n's database,
 * never from a process's stdout.
 */

export interface TaskData {
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string; description?: string };
}

export interface FinishedExecution {
	id: string;
	status: string;
	runData: Record<string, TaskData[]>;
	error?: { message?: string };
}

interface ExecutionAnswer {
	data: { id: string; status: string; finished?: boolean; data?: string };
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/** Starts a manual run from `triggerName`; the execution id. */
export async function startRun(
	session: OwnerSession,
	workflowId: string,
	triggerName: string,
): Promise<string> {
	const started = await session.rest<{
		data: { executionId?: string; waitingForWebhook?: boolean };
	}>('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
	const executionId = started.data.executionId;
	if (!executionId)
		throw new Error(
			`n8n did not start workflow ${workflowId}: ${JSON.stringify(started.data).slice(0, 300)}`,
		);
	return executionId;
}

/** Waits (bounded by `timeoutMs`) for the execution to finish; its run data from n8n's DB. */
export async function finishedExecution(
	session: OwnerSession,
	executionId: string,
	timeoutMs: number,
): Promise<FinishedExecution> {
	const until = Date.now() + timeoutMs;
	let pause = 200;
	for (;;) {
		const answer = await session.rest<ExecutionAnswer>('GET', `/rest/executions/${executionId}`);
		const { status, data } = answer.data;
		if (FINAL.has(status) && data) {
			const run = parse(data) as {
				resultData?: { runData?: Record<string, TaskData[]>; error?: { message?: string } };
			};
			return {
				id: executionId,
				status,
				runData: run.resultData?.runData ?? {},
				error: run.resultData?.error,
			};
		}
		if (Date.now() > until)
			throw new Error(`execution ${executionId} still ${status} after ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, pause));
		pause = Math.min(pause * 2, 2000);
	}
}

/** Runs a workflow and returns its finished execution. */
export async function runThroughRest(
	session: OwnerSession,
	workflowId: string,
	triggerName: string,
	timeoutMs = 5 * 60 * 1000,
): Promise<FinishedExecution> {
	const executionId = await startRun(session, workflowId, triggerName);
	return await finishedExecution(session, executionId, timeoutMs);
}

/** The items a node output (its first run, first output). */
export function outputOf(
	execution: FinishedExecution,
	nodeName: string,
): Array<Record<string, unknown>> {
	const task = execution.runData[nodeName]?.[0];
	return (task?.data?.main?.[0] ?? []).map((item) => item.json);
}
