/**
 * Run in a child process by the memory scenario, so that the simulator's memory is not counted:
 * Return All of every activity at `baseUrl` through the CRM.COM node, and the peak RSS growth
 * over the run against the size of the output JSON. Prints one JSON line.
 */
import type { INodeParameters } from 'n8n-workflow';

import { executeNode } from '../test/harness/harness';
import { CrmCom } from '../nodes/CrmCom/CrmCom.node';
import { CrmComApi } from '../credentials/CrmComApi.credentials';
import { CRMCOM_DEMO } from '../test/simulator/apis/crmcomBackoffice';
import { peakRssGrowth } from './lib/measure';
import { returnAllParameters } from './scenarios/returnAll';

async function main(): Promise<void> {
	const [baseUrl, expectedText] = process.argv.slice(2);
	const expected = Number(expectedText);
	const run = async (parameters = returnAllParameters) =>
		await executeNode({
			node: new CrmCom(),
			credentialTypes: [new CrmComApi()],
			credentials: { crmComApi: { baseUrl, apiKey: CRMCOM_DEMO.apiKey } },
			parameters: parameters as INodeParameters,
		});
	// warm-up: load and JIT everything the run uses, so the measure is the data, not the code
	await run({ ...returnAllParameters, returnAll: false, limit: 500 });
	const measured = await peakRssGrowth(async () => {
		const result = await run();
		if (result.error) throw result.error;
		return result.items;
	});
	const outputBytes = Buffer.byteLength(JSON.stringify(measured.value.map((item) => item.json)));
	process.stdout.write(
		`${JSON.stringify({ items: measured.value.length, expected, rssGrowth: measured.bytes, outputBytes })}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
