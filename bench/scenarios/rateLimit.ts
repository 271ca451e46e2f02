import { observeWidths } from '../../nodes/shared/transport/adaptive';
import { DEFAULT_PAGE_SIZE } from '../../nodes/CrmCom/transport';
import { CRMCOM_DEMO } from '../../test/simulator/apis/crmcomBackoffice';
import { check, runCrmNode, type BenchContext } from '../lib/context';
import { plainClient, plainPagedLoop } from '../lib/baselines';
import { timeIt } from '../lib/measure';
import { returnAllParameters, seedActivities, WAN_LATENCY_MS } from './returnAll';

/** The simulator answers 429 (Retry-After 1 s) to a request above this many in flight. */
const LIMIT = 6;
const RETRY_AFTER_S = 1;
/** The most the node may use: the top of Options → Concurrency. */
const NODE_MAX = 16;

/**
 * A client with a fixed width of NODE_MAX pages in flight that retries a 429 after its
 * Retry-After: what "just raise the concurrency" does against a rate-limited API.
 */
async function fixedWidthClient(
	url: string,
	pages: number,
): Promise<{ ids: string[]; throttled: number }> {
	const client = plainClient({ api_key: CRMCOM_DEMO.apiKey });
	const out: unknown[][] = new Array<unknown[]>(pages);
	let next = 1;
	let throttled = 0;
	const worker = async () => {
		while (next <= pages) {
			const page = next++;
			for (let attempt = 0; attempt < 100; attempt++) {
				const reply = await client.get(url, { params: { page, size: DEFAULT_PAGE_SIZE } });
				if (reply.status === 429) {
					throttled++;
					await new Promise((r) => setTimeout(r, RETRY_AFTER_S * 1000));
					continue;
				}
				if (reply.status >= 400) throw new Error(`fixed-width client: HTTP ${reply.status}`);
				out[page - 1] = (reply.data as { content: unknown[] }).content;
				break;
			}
		}
	};
	await Promise.all(Array.from({ length: NODE_MAX }, worker));
	const ids = out.flat().map((record) => String((record as { id: unknown }).id));
	return { ids, throttled };
}

/**
 * 6. A rate-limited API: the simulator answers 429 above 6 requests in flight. Our node at
 * Concurrency 16 (adaptive) against a plain sequential loop and a fixed-width client of 16:
 * each one's 429 count and time, the widths the controller chose, and 0 lost / 0 duplicated.
 */
export async function rateLimitScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 5_000 : 10_000;
	seedActivities(ctx, count, 'total');
	const url = `${ctx.sim.baseUrl('crmcom')}/activities`;
	const expected = (
		await plainPagedLoop(plainClient({ api_key: CRMCOM_DEMO.apiKey }), url, DEFAULT_PAGE_SIZE)
	).items.map((record) => String((record as { id: unknown }).id));
	check(expected.length === count, `seeded ${expected.length} of ${count}`);
	const same = (ids: string[], who: string) => {
		const lost = expected.filter((id) => !new Set(ids).has(id)).length;
		const duplicated = ids.length - new Set(ids).size;
		check(lost === 0 && duplicated === 0, `${who}: ${lost} lost, ${duplicated} duplicated`);
		check(
			ids.every((id, k) => id === expected[k]),
			`${who}: records in another order than the API lists them`,
		);
		return { lost, duplicated };
	};
	ctx.sim.rateLimit = { maxInFlight: LIMIT, retryAfterS: RETRY_AFTER_S };
	// at a WAN-like latency, where more in flight pays and a rate limit bites
	const baseLatency = ctx.sim.latencyMs;
	ctx.sim.latencyMs = WAN_LATENCY_MS;
	try {
		ctx.sim.log.clear();
		const widths: number[] = [];
		const stop = observeWidths((width) => widths.push(width));
		const ours = await timeIt(
			async () =>
				await runCrmNode(ctx.sim, 'crmcom', {
					...returnAllParameters,
					options: { concurrency: NODE_MAX },
				}),
		);
		stop();
		if (ours.value.error) throw ours.value.error;
		const oursIds = ours.value.items.map((item) => String(item.json.id));
		const oursCheck = same(oursIds, 'CRM.COM node');
		const oursThrottled = ctx.sim.log.rateLimited;
		const oursMost = Math.max(
			...ctx.sim.log
				.all()
				.filter((e) => e.status !== 429)
				.map((e) => e.inFlight ?? 0),
		);

		ctx.sim.log.clear();
		const loop = await timeIt(
			async () =>
				await plainPagedLoop(plainClient({ api_key: CRMCOM_DEMO.apiKey }), url, DEFAULT_PAGE_SIZE),
		);
		const loopIds = loop.value.items.map((record) => String((record as { id: unknown }).id));
		same(loopIds, 'plain loop');
		const loopThrottled = ctx.sim.log.rateLimited;

		ctx.sim.log.clear();
		const fixed = await timeIt(
			async () => await fixedWidthClient(url, Math.ceil(count / DEFAULT_PAGE_SIZE)),
		);
		same(fixed.value.ids, 'fixed-width client');
		const fixedThrottled = ctx.sim.log.rateLimited;

		const label = `6. Rate limit: 429 above ${LIMIT} in flight (Retry-After ${RETRY_AFTER_S} s), ${WAN_LATENCY_MS} ms a request, Return All ${count.toLocaleString('en')}`;
		const finalWidth = widths.length ? widths[widths.length - 1] : 4;
		const settled = finalWidth <= LIMIT + 1;
		ctx.rows.push(
			{
				scenario: label,
				contender: `CRM.COM node, Concurrency ${NODE_MAX} (adaptive)`,
				baseline: 'plain sequential loop',
				speedup: loop.ms / ours.ms,
				target: 'no loss, no duplicate, settles ≤ 7',
				met: oursCheck.lost === 0 && oursCheck.duplicated === 0 && settled,
				notes: `429s: node ${oursThrottled}, loop ${loopThrottled}; widths chosen 4→${widths.join('→')}; most served in flight ${oursMost}; 0 lost, 0 duplicated, in order`,
			},
			{
				scenario: label,
				contender: `CRM.COM node, Concurrency ${NODE_MAX} (adaptive)`,
				baseline: `fixed ${NODE_MAX} in flight, retrying 429s`,
				speedup: fixed.ms / ours.ms,
				notes: `429s: node ${oursThrottled}, fixed-width client ${fixedThrottled}; both 0 lost, 0 duplicated`,
			},
		);
	} finally {
		ctx.sim.rateLimit = undefined;
		ctx.sim.latencyMs = baseLatency;
	}
}
