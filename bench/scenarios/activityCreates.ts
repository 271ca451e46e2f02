import type { CrmComBackofficeApi } from '../../test/simulator/apis/crmcomBackoffice';
import { check, runCrmNode, speedupRow, type BenchContext } from '../lib/context';
import { timeIt } from '../lib/measure';

const SCENARIO = '3. Activity creates';

/** Creates `count` activities with the node at `concurrency`; checks order, pairing and the store. */
async function createActivities(ctx: BenchContext, count: number, concurrency: number) {
	ctx.sim.reset(false);
	const api = ctx.sim.api<CrmComBackofficeApi>('crmcom');
	api.seed(1, 0);
	const contactId = [...api.contacts.keys()][0];
	const input = Array.from({ length: count }, (_, k) => ({ n: k + 1 }));
	const run = await timeIt(async () => {
		const result = await runCrmNode(
			ctx.sim,
			'crmcom',
			{
				resource: 'activity',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: contactId },
				name: '=Bench activity {{ $json.n }}',
				typeId: 'type-call',
				scheduledFrom: '2026-12-01T09:00:00Z',
				additionalFields: {},
				options: { concurrency },
			},
			input,
		);
		if (result.error) throw result.error;
		return result.items;
	});
	check(run.value.length === count, `node output ${run.value.length} of ${count} items`);
	run.value.forEach((item, k) => {
		const paired = item.pairedItem as { item: number } | undefined;
		check(paired?.item === k, `output item ${k} is paired with input ${paired?.item}`);
		const stored = api.activities.get(String(item.json.id));
		check(stored?.name === `Bench activity ${k + 1}`, `output item ${k} is out of order`);
	});
	const names = new Set([...api.activities.values()].map((a) => a.name));
	check(api.activities.size === count && names.size === count, 'activities lost or duplicated');
	return { ms: run.ms, maxInFlight: ctx.sim.log.maxInFlight };
}

export async function activityCreatesScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 200 : 1_000;
	const concurrency = 4;
	await createActivities(ctx, 50, concurrency); // warm-up
	const bounded = await createActivities(ctx, count, concurrency);
	const sequential = await createActivities(ctx, count, 1);
	ctx.rows.push(
		speedupRow(
			`${SCENARIO} (${count.toLocaleString('en')})`,
			`CRM.COM node, concurrency ${concurrency} (default)`,
			'same node, concurrency 1',
			bounded.ms,
			sequential.ms,
			3,
			`max in flight ${bounded.maxInFlight} vs ${sequential.maxInFlight}; order and pairing checked`,
		),
	);
}
