import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { FaultKind } from '../simulator/faults';

/**
 * The fault matrix's size: `RELIABILITY_SCALE=1` (npm run test:reliability) runs the issue's
 * full counts — 10,000 items per path and fault class, 1,000 where the API takes one record per
 * call; the README's test command runs a tenth of that.
 */
export const SCALE = Number(process.env.RELIABILITY_SCALE ?? 0.1);
export const sized = (full: number) => Math.max(20, Math.round(full * SCALE));

/** One fault class at a time, then all of them mixed. */
export const FAULT_CLASSES: Array<{ name: string; kinds: FaultKind[] }> = [
	{ name: '429 + Retry-After', kinds: ['status429'] },
	{ name: '503 + Retry-After', kinds: ['status503'] },
	{ name: '502 / 504', kinds: ['status502', 'status504'] },
	{ name: 'reset before the change', kinds: ['resetBefore'] },
	{ name: 'reset after the change (reply lost)', kinds: ['resetAfter'] },
	{ name: 'timeout', kinds: ['delay'] },
	{ name: 'non-JSON 200', kinds: ['nonJson'] },
	{ name: 'expired token', kinds: ['tokenExpired'] },
	{
		name: 'mixed',
		kinds: [
			'status429',
			'status503',
			'status502',
			'status504',
			'resetBefore',
			'resetAfter',
			'delay',
			'nonJson',
			'tokenExpired',
		],
	},
];

/** What a run leaves: counted against its input. */
export interface Tally {
	items: number;
	ok: number;
	/** Reported as errors (continueOnFail), never dropped. */
	errors: number;
	/** Of the errors: reported as "outcome unknown" (a create whose reply was lost). */
	unknown: number;
	/** Inputs with no output, or written OK but missing from the CRM. */
	lost: number;
	/** Records the CRM holds more than once. */
	duplicated: number;
	/** Outputs not paired with their own input. */
	unpaired: number;
}

export const isUnknownOutcome = (item: INodeExecutionData) =>
	/Outcome unknown|may or may not have been written/i.test(
		`${String(item.json.error ?? '')} ${JSON.stringify(item.json)}`,
	);

/**
 * Tallies a continueOnFail write of `keys.length` items: `stored(key)` is how many records the
 * CRM holds for the input's unique key. An OK item must be stored exactly once; an error item at
 * most once (not written, or written with the outcome reported unknown).
 */
export function tallyWrite(
	keys: string[],
	outputs: INodeExecutionData[],
	stored: (key: string) => number,
): Tally {
	const tally: Tally = {
		items: keys.length,
		ok: 0,
		errors: 0,
		unknown: 0,
		lost: 0,
		duplicated: 0,
		unpaired: 0,
	};
	const byInput = new Map<number, INodeExecutionData>();
	outputs.forEach((item, k) => {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired?.item !== k) tally.unpaired++;
		byInput.set(paired?.item ?? -1, item);
	});
	keys.forEach((key, k) => {
		const item = byInput.get(k);
		const count = stored(key);
		if (count > 1) tally.duplicated += count - 1;
		if (!item) {
			tally.lost++;
			return;
		}
		if (item.json.error !== undefined) {
			tally.errors++;
			if (isUnknownOutcome(item)) tally.unknown++;
		} else {
			tally.ok++;
			if (count === 0) tally.lost++;
		}
	});
	return tally;
}

/** Tallies a Return All: either every record once, or one clear error (nothing half-returned). */
export function tallyRead(
	expected: string[],
	outputs: INodeExecutionData[],
	key: (json: IDataObject) => string,
	failed: boolean,
): Tally {
	const got = outputs.map((item) => key(item.json));
	const unique = new Set(got);
	const want = new Set(expected);
	return {
		items: expected.length,
		ok: failed ? 0 : got.length,
		errors: failed ? 1 : 0,
		unknown: 0,
		lost: failed ? 0 : [...want].filter((k) => !unique.has(k)).length,
		duplicated: got.length - unique.size,
		unpaired: outputs.filter((item) => (item.pairedItem as { item: number })?.item !== 0).length,
	};
}
