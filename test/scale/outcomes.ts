import { parse } from 'flatted';

/**
 * What n8n 2.40.7 does to an execution whose worker dies or whose main restarts, read from its
 * compiled code (packages/cli: workflow-runner.js, scaling/scaling.service.js,
 * executions/execution-recovery.service.js, eventbus/message-event-bus.js, errors/*.js, and
 * bull's moveStalledJobsToWait script). Queue mode sets bull's `maxStalledCount` to 0, so a job
 * whose worker died is failed at the next stalled check and never run again:
 *
 * - `error` + MAX_STALLED: the main heard bull's "job stalled more than maxStalledCount" and
 *   wrapped it in MaxStalledCountError (workflow-runner.js → processError).
 * - `error` + BULL_STALLED: the main read the job's stored failedReason instead (the job had
 *   already failed when the main asked), which processError stores as it is.
 * - `crashed` + WORKFLOW_CRASHED: the main's start-up recovery amended the execution from its
 *   event log (execution-recovery.service.js amend: NodeCrashedError on the node that started and
 *   never finished, WorkflowCrashedError on the run).
 * - `crashed` without a run error: markAsCrashed (the main's queue recovery finds an execution
 *   `running` in the database whose job is neither active nor waiting, or the start-up recovery
 *   has no log lines for it) only sets the status; n8n's UI shows it as "Crashed", and that
 *   status is the whole of what n8n says.
 *
 * Anything else (another status, an `error` with another message, a `crashed` with another run
 * error) is not explained by a dead worker or a restart, and fails the scale test.
 */
export const N8N_MESSAGES = {
	MAX_STALLED:
		'This execution failed to be processed too many times and will no longer retry. To allow this execution to complete, please break down your workflow or scale up your workers or adjust your worker settings.',
	BULL_STALLED: 'job stalled more than allowable limit',
	WORKFLOW_CRASHED: 'Workflow did not finish, possible out-of-memory issue',
} as const;

export type Outcome =
	| 'error: max stalled count'
	| 'error: bull stalled job'
	| 'crashed: amended from the event log'
	| 'crashed: marked by recovery';

export const OUTCOMES: Outcome[] = [
	'error: max stalled count',
	'error: bull stalled job',
	'crashed: amended from the event log',
	'crashed: marked by recovery',
];

export interface FailedExecution {
	id: string;
	workflowId: string;
	status: string;
	/** execution_data.data: n8n stores the run data with `flatted`. */
	data: string | null;
}

/** The run's error message (`resultData.error.message`), if the data has one. */
export function runErrorMessage(data: string | null): string | undefined {
	if (!data) return undefined;
	let parsed: unknown;
	try {
		parsed = parse(data);
	} catch {
		return undefined;
	}
	const error = (parsed as { resultData?: { error?: { message?: unknown } } } | null)?.resultData
		?.error;
	return typeof error?.message === 'string' ? error.message : undefined;
}

/** Which of n8n's known outcomes a non-successful execution is, or why it is none of them. */
export function explain(
	execution: FailedExecution,
): { outcome: Outcome } | { unexplained: string } {
	const message = runErrorMessage(execution.data);
	if (execution.status === 'error') {
		if (message === N8N_MESSAGES.MAX_STALLED) return { outcome: 'error: max stalled count' };
		if (message === N8N_MESSAGES.BULL_STALLED) return { outcome: 'error: bull stalled job' };
		return { unexplained: `status error with message ${JSON.stringify(message ?? null)}` };
	}
	if (execution.status === 'crashed') {
		if (message === N8N_MESSAGES.WORKFLOW_CRASHED)
			return { outcome: 'crashed: amended from the event log' };
		if (message === undefined) return { outcome: 'crashed: marked by recovery' };
		return { unexplained: `status crashed with message ${JSON.stringify(message)}` };
	}
	return { unexplained: `status ${execution.status}` };
}
