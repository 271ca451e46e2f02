/**
 * Run in a child process by the memory scenario, so that the simulator's memory is not counted:
 * Return All of every activity at `baseUrl`, through the CRM.COM node (`node`) or a plain axios
 * loop (`plain`), and the peak memory growth over the run against the size of the output JSON.
 * Prints one JSON line.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CrmComApi } from '../credentials/CrmComApi.credentials';
import { CrmCom } from '../nodes/CrmCom/CrmCom.node';
import { DEFAULT_PAGE_SIZE } from '../nodes/CrmCom/transport';
import { executeNode } from '../test/harness/harness';
import { CRMCOM_DEMO } from '../test/simulator/apis/crmcomBackoffice';
import { plainClient, plainPagedLoop } from './lib/baselines';
import { peakRssGrowth } from './lib/measure';
import { returnAllParameters } from './scenarios/returnAll';

async function viaNode(baseUrl: string, parameters = returnAllParameters): Promise<unknown[]> {
	const result = await executeNode({
		node: new CrmCom(),
		credentialTypes: [new CrmComApi()],
		credentials: { crmComApi: { baseUrl, apiKey: CRMCOM_DEMO.apiKey } },
		parameters: parameters as INodeParameters,
	});
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

async function viaPlainLoop(baseUrl: string): Promise<unknown[]> {
	const client = plainClient({ api_key: CRMCOM_DEMO.apiKey });
	return (await plainPagedLoop(client, `${baseUrl}/activities`, DEFAULT_PAGE_SIZE)).items;
}

async function main(): Promise<void> {
	const [contender, baseUrl] = process.argv.slice(2);
	const run = contender === 'plain' ? viaPlainLoop : viaNode;
	// warm-up: load and compile everything the run uses, so the measure is the data, not the code
	await viaNode(baseUrl, { ...returnAllParameters, returnAll: false, limit: 500 });
	const measured = await peakRssGrowth(async () => await run(baseUrl));
	const outputBytes = Buffer.byteLength(JSON.stringify(measured.value));
	process.stdout.write(
		`${JSON.stringify({
			items: measured.value.length,
			rssGrowth: measured.rssBytes,
			heapGrowth: measured.heapBytes,
			retained: measured.retainedBytes ?? 0,
			growth: measured.bytes,
			outputBytes,
		})}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
