import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { check, type BenchContext } from '../lib/context';
import { seedActivities } from './returnAll';

const run = promisify(execFile);

interface MemoryResult {
	items: number;
	rssGrowth: number;
	heapGrowth: number;
	/** Live JS memory held after the run and a full GC: the returned records themselves. */
	retained: number;
	growth: number;
	outputBytes: number;
}

/** One Return All in a fresh child process (`node` or `plain`), so nothing else is counted. */
async function measureChild(ctx: BenchContext, contender: 'node' | 'plain'): Promise<MemoryResult> {
	const { stdout } = await run(
		process.execPath,
		[
			'--expose-gc',
			'-r',
			'./bench/register.js',
			path.join(__dirname, '..', 'memoryChild.ts'),
			contender,
			ctx.sim.baseUrl('crmcom'),
		],
		{ cwd: path.join(__dirname, '..', '..'), maxBuffer: 16 * 1024 * 1024 },
	);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MemoryResult;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Peak memory growth of a Return All, against the output's JSON size and a plain axios loop. */
export async function memoryScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 20_000 : 100_000;
	seedActivities(ctx, count, 'total');
	const node = await measureChild(ctx, 'node');
	const plain = await measureChild(ctx, 'plain');
	check(node.items === count, `Return All returned ${node.items} of ${count}`);
	check(plain.items === count, `plain loop returned ${plain.items} of ${count}`);
	const label = `4. Memory, Return All (${count.toLocaleString('en')} activities)`;
	const ratio = node.growth / node.outputBytes;
	ctx.rows.push(
		{
			scenario: label,
			contender: 'CRM.COM node: peak memory growth',
			baseline: 'output JSON size',
			ratio,
			notes: `peak RSS +${mb(node.rssGrowth)}, JS heap +${mb(node.heapGrowth)} (the larger counts) for ${mb(node.outputBytes)} of output JSON; held after the run (the items): ${mb(node.retained)}`,
		},
		{
			scenario: label,
			contender: 'plain axios loop: peak memory growth',
			baseline: 'output JSON size',
			ratio: plain.growth / plain.outputBytes,
			notes: `peak RSS +${mb(plain.rssGrowth)}, JS heap +${mb(plain.heapGrowth)}: the floor for holding the records as JS objects; held after the run: ${mb(plain.retained)}`,
		},
		{
			scenario: label,
			contender: 'CRM.COM node: peak memory growth',
			baseline: 'plain axios loop',
			ratio: node.growth / plain.growth,
			target: '≤ 1.25×',
			met: node.growth / plain.growth <= 1.25,
			notes:
				'what n8n items and the node add over the bare records (same sampler, same process kind)',
		},
	);
}
