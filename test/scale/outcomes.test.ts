import { stringify } from 'flatted';

import { explain, N8N_MESSAGES, runErrorMessage } from './outcomes';

/** Run data as n8n stores it (flatted), with a run error. */
const stored = (message?: string) =>
	stringify({
		startData: {},
		resultData: {
			runData: { Webhook: [{ startTime: 1 }] },
			...(message ? { error: { message } } : {}),
		},
	});

describe('n8n outcomes of a dead worker or a restart', () => {
	const base = { id: '1', workflowId: 'scaleHookCentrix' };

	it('reads the run error of flatted run data', () => {
		expect(runErrorMessage(stored('boom'))).toBe('boom');
		expect(runErrorMessage(stored())).toBeUndefined();
		expect(runErrorMessage(null)).toBeUndefined();
		expect(runErrorMessage('not flatted')).toBeUndefined();
	});

	it('names each of the four outcomes n8n 2.40.7 has', () => {
		expect(explain({ ...base, status: 'error', data: stored(N8N_MESSAGES.MAX_STALLED) })).toEqual({
			outcome: 'error: max stalled count',
		});
		expect(explain({ ...base, status: 'error', data: stored(N8N_MESSAGES.BULL_STALLED) })).toEqual({
			outcome: 'error: bull stalled job',
		});
		expect(
			explain({ ...base, status: 'crashed', data: stored(N8N_MESSAGES.WORKFLOW_CRASHED) }),
		).toEqual({ outcome: 'crashed: amended from the event log' });
		expect(explain({ ...base, status: 'crashed', data: stored() })).toEqual({
			outcome: 'crashed: marked by recovery',
		});
	});

	it('leaves everything else unexplained, naming the status and the message', () => {
		expect(explain({ ...base, status: 'error', data: stored() })).toEqual({
			unexplained: 'status error with message null',
		});
		expect(
			explain({ ...base, status: 'error', data: stored('CentrixOne: Invalid API key') }),
		).toEqual({ unexplained: 'status error with message "CentrixOne: Invalid API key"' });
		expect(explain({ ...base, status: 'crashed', data: stored('something else') })).toEqual({
			unexplained: 'status crashed with message "something else"',
		});
		expect(explain({ ...base, status: 'canceled', data: stored() })).toEqual({
			unexplained: 'status canceled',
		});
	});
});
