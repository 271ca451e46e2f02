import type { Simulator } from '../simulator/server';

/** Waits (bounded) until `test` holds, checking every `everyMs`. */
export async function waitFor(
	what: string,
	test: () => boolean | Promise<boolean>,
	timeoutMs: number,
	everyMs = 500,
): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!(await test())) {
		if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

/** The list each polling trigger reads: CRM.COM activities, Lightening contacts, CentrixOne contacts. */
const TRIGGER_POLL_PATHS = ['/activities', '/lightening/api/contact', '/Contacts-'] as const;

/** How many polls each of the three triggers has made, in TRIGGER_POLL_PATHS order. */
export function triggerPollCounts(sim: Simulator): number[] {
	return TRIGGER_POLL_PATHS.map((p) => sim.log.count(p, 'GET'));
}

/** Whether every trigger has polled more than the counts given (e.g. at least once: zeros). */
export function everyTriggerPolledSince(sim: Simulator, before: number[]): boolean {
	return triggerPollCounts(sim).every((count, k) => count > before[k]);
}
