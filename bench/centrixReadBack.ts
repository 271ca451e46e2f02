/**
 * What the read back costs: 1,000 CentrixOne upserts (batches of 100, 2 in flight, 10 ms latency
 * per request) answered per contact vs answered with a bare `Result: Success` (then one GET per
 * batch reads the contacts back), alternated 6 times; prints the medians and their ratio.
 * Run: node -r ./bench/register.js bench/centrixReadBack.ts
 */
import { startSimulator } from '../test/simulator/server';
import type { CentrixOneApi } from '../test/simulator/apis/centrixone';
import { crmNode } from '../test/harness/crmNodes';
import { executeNode } from '../test/harness/harness';
import type { INodeParameters } from 'n8n-workflow';

async function main() {
	const sim = await startSimulator({ seed: false, profile: 'live', latencyMs: 10 });
	const api = sim.api<CentrixOneApi>('centrixone');
	const input = Array.from({ length: 1000 }, (_, k) => ({
		ExternalID: `B-${k}`,
		FirstName: 'F',
		Email: `b${k}@x.example`,
	}));
	const times: Record<string, number[]> = { perRecord: [], bare: [] };
	for (let r = 0; r < 6; r++) {
		for (const mode of ['perRecord', 'bare'] as const) {
			sim.reset(false);
			api.writeReply = { mode };
			const t = process.hrtime.bigint();
			const result = await executeNode({
				...crmNode(sim, 'centrixone'),
				parameters: {
					resource: 'contact',
					operation: 'upsert',
					mappingMode: 'autoMapInputData',
					options: { batchSize: 100, concurrency: 2 },
				} as INodeParameters,
				input,
			});
			times[mode].push(Number(process.hrtime.bigint() - t) / 1e6);
			if (result.items.length !== 1000 || result.error) throw new Error('bad run');
		}
	}
	const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
	console.log(
		JSON.stringify({
			perRecordMs: median(times.perRecord),
			bareReadBackMs: median(times.bare),
			ratio: median(times.bare) / median(times.perRecord),
			gets: sim.log.count('/Contacts-', 'GET'),
		}),
	);
	await sim.stop();
}
void main();
