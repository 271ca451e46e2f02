import { sleep } from 'n8n-workflow';

/**
 * The layer's only source of time: tests swap `now` and `sleep` for a fake clock to assert
 * the waits without waiting.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	random: (): number => Math.random(),
};
