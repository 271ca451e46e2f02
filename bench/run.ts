/**
 * `npm run bench [-- --quick] [-- --latency=MS] [-- --no-n8n] [-- --only=1,2]`
 *
 * Every scenario runs its contenders side by side in this one run, against the simulator with a
 * fixed latency per request, and reports ratios (never bare times) in a table and in
 * bench/results.json. See README → Performance.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSimulator } from '../test/simulator/server';
import type { BenchContext } from './lib/context';
import { printTable, timeIt } from './lib/measure';
import { startN8nBench } from './lib/n8nContenders';
import { activityCreatesScenario } from './scenarios/activityCreates';
import { centrixUpsertScenario } from './scenarios/centrixUpsert';
import { faultsScenario } from './scenarios/faults';
import { memoryScenario } from './scenarios/memory';
import { rateLimitScenario } from './scenarios/rateLimit';
import { returnAllScenario } from './scenarios/returnAll';

const SCENARIOS: Array<[string, (ctx: BenchContext) => Promise<void>]> = [
	['1', returnAllScenario],
	['2', centrixUpsertScenario],
	['3', activityCreatesScenario],
	['4', memoryScenario],
	['5', faultsScenario],
	['6', rateLimitScenario],
];

function flag(name: string): string | boolean | undefined {
	for (const arg of process.argv.slice(2)) {
		if (arg === `--${name}`) return true;
		if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
	}
	return undefined;
}

async function main(): Promise<void> {
	const quick = flag('quick') === true;
	const latencyMs = Number(flag('latency') ?? 10);
	const only = typeof flag('only') === 'string' ? String(flag('only')).split(',') : undefined;
	const withN8n = flag('no-n8n') !== true;
	if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be ≥ 0 ms');

	const sim = await startSimulator({ latencyMs, seed: false, profile: 'live' });
	const ctx: BenchContext = {
		quick,
		latencyMs,
		sim,
		rows: [],
		log: (line) => process.stderr.write(`[bench] ${line}\n`),
	};
	const total = await timeIt(async () => {
		try {
			if (withN8n && (!only || only.includes('1') || only.includes('2'))) {
				ctx.log('installing / starting the real n8n contender (cached after the first time)');
				ctx.n8n = await startN8nBench(sim);
			}
			for (const [id, scenario] of SCENARIOS) {
				if (only && !only.includes(id)) continue;
				ctx.log(`scenario ${id}`);
				await scenario(ctx);
			}
		} finally {
			await ctx.n8n?.close();
			await sim.stop();
		}
	});

	printTable(ctx.rows);
	const missed = ctx.rows.filter((row) => row.met === false);
	const results = {
		when: new Date().toISOString(),
		mode: quick ? 'quick' : 'full',
		latencyMsPerRequest: latencyMs,
		machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
		n8n: ctx.n8n?.line.name ?? 'not run',
		minutes: Number((total.ms / 60_000).toFixed(1)),
		rows: ctx.rows,
		missed: missed.length,
	};
	writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	process.stdout.write(
		`\n${ctx.rows.length} ratios, ${missed.length} targets missed, in ${results.minutes} min → bench/results.json\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
