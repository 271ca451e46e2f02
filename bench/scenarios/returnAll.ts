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
				queryParameters: { parameters: [{ name: 'size', value: String(DEFAULT_PAGE_SIZE) }] },
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'api_key', value: CRMCOM_DEMO.apiKey }] },
				options: {
					pagination: {
						pagination: {
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression: `={{ $response.body.content.length < ${DEFAULT_PAGE_SIZE} }}`,
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
		// each execution is read back through n8n's REST API: 10,000 records keep it to ~10 MB
		const inN8nCount = Math.min(count, 10_000);
		seedActivities(ctx, inN8nCount, 'total');
		ctx.sim.log.clear();
		const http = await ctx.n8n.run(httpRequestWorkflow(ctx), 'HTTP Request');
		const span = (entries: Array<{ at: number }>) =>
			entries.length ? entries[entries.length - 1].at - entries[0].at : 0;
		ctx.log(
			`HTTP Request node: ${ctx.sim.log.all().length} requests over ${span(ctx.sim.log.all())} ms, node time ${http.ms} ms`,
		);
		ctx.sim.log.clear();
		const pages = http.output.flatMap((page) => (page.content as unknown[]) ?? []);
		check(
			pages.length === inN8nCount,
			`HTTP Request node returned ${pages.length} of ${inN8nCount}`,
		);
		const inN8n = await ctx.n8n.run(ourNodeWorkflow(), 'CRM.COM');
		ctx.log(
			`CRM.COM node: ${ctx.sim.log.all().length} requests over ${span(ctx.sim.log.all())} ms, node time ${inN8n.ms} ms`,
		);
		check(
			inN8n.items === inN8nCount,
			`CRM.COM node in n8n returned ${inN8n.items} of ${inN8nCount}`,
		);
		// the same records in the same order as the HTTP Request node's pages, none twice
		const expected = summarize(pages as Array<Record<string, unknown>>);
		check(
			inN8n.summary.distinctIds === inN8nCount,
			`CRM.COM node in n8n returned ${inN8nCount - inN8n.summary.distinctIds} duplicates`,
		);
		check(
			inN8n.summary.idChecksum === expected.idChecksum &&
				inN8n.summary.firstId === expected.firstId &&
				inN8n.summary.lastId === expected.lastId,
			`CRM.COM node in n8n returned the activities in another order than the API lists them (${JSON.stringify(inN8n.summary)} vs ${JSON.stringify(expected)})`,
		);
		ctx.rows.push(
			speedupRow(
				`${SCENARIO} (${inN8nCount.toLocaleString('en')}, page ${DEFAULT_PAGE_SIZE}), total`,
				'CRM.COM node (in n8n)',
				'HTTP Request node (in n8n)',
				inN8n.ms,
				http.ms,
				3,
				'node execution times from the same n8n run data',
			),
		);
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
