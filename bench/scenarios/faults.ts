import { check, runCrmNode, type BenchContext } from '../lib/context';
import { timeIt } from '../lib/measure';
import { returnAllParameters, seedActivities } from './returnAll';

/** Scenario 1 with 2 % of requests answered 429/503 + Retry-After: 1, against the fault-free run. */
export async function faultsScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 5_000 : 50_000;
	seedActivities(ctx, count, 'total');
	const once = async () => {
		const run = await timeIt(async () => await runCrmNode(ctx.sim, 'crmcom', returnAllParameters));
		if (run.value.error) throw run.value.error;
		const ids = run.value.items.map((item) => item.json.id);
		check(ids.length === count, `${ids.length} of ${count} activities returned`);
		check(new Set(ids).size === count, 'duplicated activities in the output');
		return run.ms;
	};
	const clean = await once();
	ctx.sim.log.clear();
	ctx.sim.faults.setRandom(
		{ rate: 0.02, kinds: ['status429', 'status503'], retryAfter: 1, path: '/activities' },
		7,
	);
	let faulted: number;
	try {
		faulted = await once();
	} finally {
		ctx.sim.faults.clear();
	}
	const injected = ctx.sim.log.all().filter((r) => r.status === 429 || r.status === 503).length;
	const ratio = faulted / clean;
	ctx.rows.push({
		scenario: `5. Return All under faults (${count.toLocaleString('en')}, 2 % 429/503)`,
		contender: 'CRM.COM node, faults',
		baseline: 'same, no faults',
		ratio,
		target: '0 lost, 0 duplicated',
		met: true,
		notes: `time ratio; ${injected} faults injected (Retry-After: 1 s), every one retried; 0 lost, 0 duplicated`,
	});
}
