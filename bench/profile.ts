/**
 * `npm run bench:profile` — where the CPU of a request goes: n8n's request helper (n8n-core,
 * axios, HTTP internals) against the pack's own code (nodes/, credentials/), per request.
 *
 * Runs a CRM.COM Return All of 10,000 activities (40 pages) and a CentrixOne upsert of 10,000
 * contacts (100 batches) through n8n-core (the test harness: n8n's real
 * `httpRequestWithAuthentication`) against the simulator with no latency, under the V8 CPU
 * profiler (node:inspector), and prints each category's self time per request. The simulator
 * runs in this process too: its share is shown apart and left out of the per-request figures.
 */
import { Session } from 'node:inspector';

import { startSimulator } from '../test/simulator/server';
import type { CentrixOneApi } from '../test/simulator/apis/centrixone';
import { runCrmNode } from './lib/context';
import { returnAllParameters, seedActivities } from './scenarios/returnAll';
import type { BenchContext } from './lib/context';

interface ProfileNode {
	id: number;
	callFrame: { url: string; functionName: string };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const CATEGORIES: Array<[string, RegExp]> = [
	['pack (nodes/, credentials/)', /\/(nodes|credentials)\/(?!.*node_modules)/],
	['simulator (test/simulator)', /\/test\/simulator\//],
	['harness (test/harness, bench)', /\/(test\/harness|bench)\//],
	['n8n-core request helper', /node_modules\/(n8n-core|@n8n)\//],
	['n8n-workflow', /node_modules\/n8n-workflow\//],
	[
		'axios, agents, form-data',
		/node_modules\/(axios|follow-redirects|form-data|proxy-from-env|https?-proxy-agent|agent-base)\//,
	],
	['other packages', /node_modules\//],
	['Node.js internals (http, streams, JSON)', /^node:|^internal\//],
];

function categorize(url: string, fn: string): string {
	for (const [name, re] of CATEGORIES) if (re.test(url)) return name;
	if (fn === '(garbage collector)') return 'garbage collector';
	if (fn === '(idle)' || fn === '(program)') return fn;
	return url ? 'other' : `native (${fn || 'anonymous'})`;
}

/**
 * Self time per category; a native frame (JSON.parse, a regexp, Buffer work: no script URL) is
 * counted for the nearest caller that has one, with the native function named in `natives`.
 */
function summarize(profile: Profile): { cats: Map<string, number>; natives: Map<string, number> } {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const cats = new Map<string, number>();
	const natives = new Map<string, number>();
	profile.samples.forEach((id, k) => {
		let node = byId.get(id);
		if (!node) return;
		const ms = (profile.timeDeltas[k] ?? 0) / 1000;
		const own = node.callFrame.functionName;
		if (own === '(garbage collector)' || own === '(idle)' || own === '(program)') {
			cats.set(own, (cats.get(own) ?? 0) + ms);
			return;
		}
		let native = false;
		while (node && !node.callFrame.url && parent.has(node.id)) {
			native = true;
			node = byId.get(parent.get(node.id) as number);
		}
		// the profiler's own work (serialising the profile on stop) is not the workload's
		if (node?.callFrame.url === 'node:inspector') return;
		const cat = node ? categorize(node.callFrame.url, node.callFrame.functionName) : 'other';
		cats.set(cat, (cats.get(cat) ?? 0) + ms);
		if (cat === CATEGORIES[0][0] && node) {
			const key = `pack: ${node.callFrame.functionName || '(anonymous)'} (${node.callFrame.url.split('/').slice(-2).join('/')})`;
			natives.set(key, (natives.get(key) ?? 0) + ms);
		}
		if (native) {
			const key = `${own || '(anonymous)'} from ${node?.callFrame.functionName ?? ''} (${(node?.callFrame.url ?? '').split('/').slice(-2).join('/')})`;
			natives.set(key, (natives.get(key) ?? 0) + ms);
		}
	});
	return { cats, natives };
}

async function profiled<T>(session: Session, fn: () => Promise<T>): Promise<Profile> {
	const post = (method: string, params?: object) =>
		new Promise<unknown>((resolve, reject) =>
			session.post(method, params ?? {}, (error, result) =>
				error ? reject(error) : resolve(result),
			),
		);
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	await fn();
	const { profile } = (await post('Profiler.stop')) as { profile: Profile };
	return profile;
}

function report(title: string, profile: Profile, requests: number): void {
	const { cats: byCat, natives } = summarize(profile);
	const cats = [...byCat.entries()].sort((a, b) => b[1] - a[1]);
	const busy = cats.filter(([k]) => k !== '(idle)').reduce((a, [, ms]) => a + ms, 0);
	process.stdout.write(`\n${title}: ${requests} requests, ${busy.toFixed(0)} ms CPU\n`);
	process.stdout.write('| category | ms | ms per request | share |\n|---|---|---|---|\n');
	for (const [name, ms] of cats) {
		if (name === '(idle)') continue;
		process.stdout.write(
			`| ${name} | ${ms.toFixed(0)} | ${(ms / requests).toFixed(2)} | ${((100 * ms) / busy).toFixed(1)} % |\n`,
		);
	}
	const top = [...natives.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
	process.stdout.write(
		`top functions (pack) and native work (by caller): ${top.map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join('; ')}\n`,
	);
}

async function main(): Promise<void> {
	const sim = await startSimulator({ latencyMs: 0, seed: false, profile: 'live' });
	const ctx = { sim, quick: false, latencyMs: 0, rows: [], log: () => undefined } as BenchContext;
	const session = new Session();
	session.connect();
	try {
		const count = 10_000;
		seedActivities(ctx, count, 'total');
		await runCrmNode(sim, 'crmcom', returnAllParameters); // warm-up
		sim.log.clear();
		const list = await profiled(session, async () => {
			for (let k = 0; k < 3; k++) {
				const r = await runCrmNode(sim, 'crmcom', returnAllParameters);
				if (r.error || r.items.length !== count) throw new Error('Return All failed');
			}
		});
		report(`Return All of ${count} CRM.COM activities, 3 runs`, list, sim.log.count('/activities'));

		const contacts = Array.from({ length: count }, (_, k) => ({
			ExternalID: `P-${k}`,
			FirstName: `F${k}`,
			Name: `L${k}`,
			Email: `p${k}@centrix.example`,
			Company: 'Profile Ltd',
		}));
		const upsert = {
			resource: 'contact',
			operation: 'upsert',
			mappingMode: 'autoMapInputData',
			options: { batchSize: 100, concurrency: 4 },
		};
		sim.reset(false);
		await runCrmNode(sim, 'centrixone', upsert, contacts); // warm-up
		sim.reset(false);
		const write = await profiled(session, async () => {
			for (let k = 0; k < 3; k++) {
				const r = await runCrmNode(sim, 'centrixone', upsert, contacts);
				if (r.error || r.items.length !== count) throw new Error('upsert failed');
			}
		});
		const stored = sim.api<CentrixOneApi>('centrixone').contacts.size;
		if (stored !== count) throw new Error(`upsert stored ${stored} of ${count}`);
		report(
			`CentrixOne upsert of ${count} contacts (batches of 100), 3 runs`,
			write,
			sim.log.count('/Contacts-', 'POST'),
		);
	} finally {
		session.disconnect();
		await sim.stop();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
