import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { check, type BenchContext } from '../lib/context';
import { seedActivities } from './returnAll';

const run = promisify(execFile);

/** Peak RSS growth of a Return All, measured in a child process, against the output's JSON size. */
export async function memoryScenario(ctx: BenchContext): Promise<void> {
	const count = ctx.quick ? 10_000 : 100_000;
	seedActivities(ctx, count, 'total');
	const { stdout } = await run(
		process.execPath,
		[
			'--expose-gc',
			'-r',
			'./bench/register.js',
			path.join(__dirname, '..', 'memoryChild.ts'),
			ctx.sim.baseUrl('crmcom'),
			String(count),
		],
		{ cwd: path.join(__dirname, '..', '..'), maxBuffer: 16 * 1024 * 1024 },
	);
	const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
		items: number;
		rssGrowth: number;
		outputBytes: number;
	};
	check(result.items === count, `Return All returned ${result.items} of ${count}`);
	const ratio = result.rssGrowth / result.outputBytes;
	const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	ctx.rows.push({
		scenario: `4. Memory, Return All (${count.toLocaleString('en')} activities)`,
		contender: 'CRM.COM node: peak RSS growth',
		baseline: 'output JSON size',
		ratio,
		target: '≤ 2×',
		met: ratio <= 2,
		notes: `RSS +${mb(result.rssGrowth)} for ${mb(result.outputBytes)} of output`,
	});
}
