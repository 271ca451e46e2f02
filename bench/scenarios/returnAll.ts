import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE } from '../../nodes/CrmCom/transport';
import {
	CRMCOM_DEMO,
	type CrmComBackofficeApi,
	type PagingMode,
} from '../../test/simulator/apis/crmcomBackoffice';
import { check, runCrmNode, speedupRow, type BenchContext } from '../lib/context';
import { plainClient, plainPagedLoop } from '../lib/baselines';
import { bestOf, timeIt } from '../lib/measure';
import { chain, CREDENTIAL_REFS, summarize } from '../lib/n8nContenders';

const SCENARIO = '1. Return All activities';

/** The page size a user sets in the HTTP Request node (the node itself uses its default, 250). */
export const USER_PAGE_SIZE = 100;

/** The WAN-like latency the in-n8n contenders also run at. */
export const WAN_LATENCY_MS = 100;

/** Seeds `count` activities (and nothing else) in the CRM.COM simulator. */
export function seedActivities(ctx: BenchContext, count: number, mode: PagingMode): void {
	ctx.sim.reset(false);
	const api = ctx.sim.api<CrmComBackofficeApi>('crmcom');
	api.seed(Math.min(1000, Math.max(1, Math.ceil(count / 50))), count);
	api.pagingMode = mode;
	api.indexedLists = true;
}

export const returnAllParameters: IDataObject = {
	resource: 'activity',
	operation: 'getAll',
	returnAll: true,
	simplify: false,
	filters: {},
	options: {},
};

/** Our node, through n8n-core: the activities it returned (checked: all of them, no duplicate). */
export async function ourReturnAll(ctx: BenchContext, expected: number): Promise<number> {
	const result = await runCrmNode(ctx.sim, 'crmcom', returnAllParameters);
	if (result.error) throw result.error;
	const ids = new Set(result.items.map((item) => item.json.id));
	check(result.items.length === expected, `node returned ${result.items.length} of ${expected}`);
	check(ids.size === expected, `node returned ${expected - ids.size} duplicates`);
	return result.items.length;
}

/** The plain loop asks for the node's page size: the rows against it compare paging alone. */
async function plainLoop(ctx: BenchContext, expected: number): Promise<void> {
	const client = plainClient({ api_key: CRMCOM_DEMO.apiKey });
	const { items } = await plainPagedLoop(
		client,
		`${ctx.sim.baseUrl('crmcom')}/activities`,
		DEFAULT_PAGE_SIZE,
	);
	check(items.length === expected, `plain loop returned ${items.length} of ${expected}`);
}

/** n8n's HTTP Request node with its built-in pagination: page += 1 until a short page. */
function httpRequestWorkflow(ctx: BenchContext) {
	return chain('bench: HTTP Request paging', [
		{
			id: 'http',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `${ctx.sim.baseUrl('crmcom')}/activities`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'size', value: String(USER_PAGE_SIZE) }] },
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'api_key', value: CRMCOM_DEMO.apiKey }] },
				options: {
					pagination: {
						pagination: {
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression: `={{ $response.body.content.length < ${USER_PAGE_SIZE} }}`,
							limitPagesFetched: false,
						},
					},
				},
			},
		},
	]);
}

function ourNodeWorkflow() {
	return chain('bench: CRM.COM node Return All', [
		{
			id: 'crm',
			name: 'CRM.COM',
			type: 'n8n-nodes-crm-pack.crmCom',
			typeVersion: 1,
			parameters: returnAllParameters,
			credentials: CREDENTIAL_REFS.crmComApi,
		},
	]);
}

/** The in-n8n pair at one latency: the HTTP Request node's pagination vs our node's defaults. */
async function inN8n(
	ctx: BenchContext,
	count: number,
	latencyMs: number,
	target: number,
): Promise<void> {
	const n8n = ctx.n8n;
	if (!n8n) return;
	// each execution is read back through n8n's REST API: 10,000 records keep it to ~10 MB
	const inN8nCount = Math.min(count, 10_000);
	seedActivities(ctx, inN8nCount, 'total');
	ctx.sim.log.clear();
	const http = await n8n.run(httpRequestWorkflow(ctx), 'HTTP Request');
	const span = (entries: Array<{ at: number }>) =>
		entries.length ? entries[entries.length - 1].at - entries[0].at : 0;
	const httpRequests = ctx.sim.log.all().length;
	ctx.log(
		`${latencyMs} ms: HTTP Request node: ${httpRequests} requests over ${span(ctx.sim.log.all())} ms, node time ${http.ms} ms`,
	);
	ctx.sim.log.clear();
	const pages = http.output.flatMap((page) => (page.content as unknown[]) ?? []);
	check(pages.length === inN8nCount, `HTTP Request node returned ${pages.length} of ${inN8nCount}`);
	const ours = await n8n.run(ourNodeWorkflow(), 'CRM.COM');
	const log = ctx.sim.log.all();
	// the widths the adaptive controller chose, as the simulator saw them: requests in flight
	// when each arrived
	const widths = log.map((entry) => entry.inFlight ?? 0);
	ctx.log(
		`${latencyMs} ms: CRM.COM node: ${log.length} requests over ${span(log)} ms, node time ${ours.ms} ms, in flight at arrival ${widths.join(',')}`,
	);
	check(ours.items === inN8nCount, `CRM.COM node in n8n returned ${ours.items} of ${inN8nCount}`);
	// the same records in the same order as the HTTP Request node's pages, none twice
	const expected = summarize(pages as Array<Record<string, unknown>>);
	check(
		ours.summary.distinctIds === inN8nCount,
		`CRM.COM node in n8n returned ${inN8nCount - ours.summary.distinctIds} duplicates`,
	);
	check(
		ours.summary.idChecksum === expected.idChecksum &&
			ours.summary.firstId === expected.firstId &&
			ours.summary.lastId === expected.lastId,
		`CRM.COM node in n8n returned the activities in another order than the API lists them (${JSON.stringify(ours.summary)} vs ${JSON.stringify(expected)})`,
	);
	ctx.rows.push(
		speedupRow(
			`${SCENARIO} (${inN8nCount.toLocaleString('en')}), total, ${latencyMs} ms a request, inside n8n`,
			`CRM.COM node, defaults (page ${DEFAULT_PAGE_SIZE}, adaptive ≤ 8)`,
			`HTTP Request node, page ${USER_PAGE_SIZE}`,
			ours.ms,
			http.ms,
			target,
			`node execution times from the same n8n run data; requests ${log.length} vs ${httpRequests}; most in flight ${Math.max(0, ...widths)}`,
		),
	);
}

export async function returnAllScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 5_000 : 50_000;
	const runs = ctx.quick ? 1 : 2;
	const label = `${SCENARIO} (${count.toLocaleString('en')}, page ${DEFAULT_PAGE_SIZE})`;

	// with paging.total: the node fetches the remaining pages `concurrency` at a time
	seedActivities(ctx, count, 'total');
	await ourReturnAll(ctx, count); // warm-up: code loaded and compiled before anything is timed
	const ours = await bestOf(runs, async () => await ourReturnAll(ctx, count));
	const plain = await bestOf(runs, async () => await plainLoop(ctx, count));
	ctx.rows.push(
		speedupRow(`${label}, total`, 'CRM.COM node', 'plain axios loop', ours.ms, plain.ms, 2),
	);

	if (ctx.n8n) {
		await inN8n(ctx, count, ctx.latencyMs, 5);
		const base = ctx.sim.latencyMs;
		ctx.sim.latencyMs = WAN_LATENCY_MS;
		try {
			await inN8n(ctx, count, WAN_LATENCY_MS, 8);
		} finally {
			ctx.sim.latencyMs = base;
		}
	}

	// the live service's shape: no total, only has_more
	seedActivities(ctx, count, 'hasMore');
	const oursHasMore = await bestOf(runs, async () => await ourReturnAll(ctx, count));
	const plainHasMore = await bestOf(runs, async () => await plainLoop(ctx, count));
	ctx.rows.push(
		speedupRow(
			`${label}, has_more only`,
			'CRM.COM node',
			'plain axios loop',
			oursHasMore.ms,
			plainHasMore.ms,
			2,
		),
	);

	// few pages: speculative windows must not cost more than 10 %
	const few = DEFAULT_PAGE_SIZE * 2 + 50;
	seedActivities(ctx, few, 'hasMore');
	const repeats = 10;
	const oursFew = await timeIt(async () => {
		for (let k = 0; k < repeats; k++) await ourReturnAll(ctx, few);
	});
	const plainFew = await timeIt(async () => {
		for (let k = 0; k < repeats; k++) await plainLoop(ctx, few);
	});
	const ratio = oursFew.ms / plainFew.ms;
	ctx.rows.push({
		scenario: `${SCENARIO} (${few}, 3 pages), has_more only`,
		contender: 'CRM.COM node',
		baseline: 'plain axios loop',
		ratio,
		target: 'time ≤ 1.1× loop',
		met: ratio <= 1.1,
		notes: `time ratio (lower is better), ${repeats} runs each`,
	});
}
