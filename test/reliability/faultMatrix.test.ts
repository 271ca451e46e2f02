import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode } from '../harness/crmNodes';
import { executeNode, type NodeRunResult, type NodeRunSpec } from '../harness/harness';
import type { CentionApi } from '../simulator/apis/cention';
import type { CentrixOneApi } from '../simulator/apis/centrixone';
import type { CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../simulator/apis/crmcomLegacy';
import type { LighteningApi } from '../simulator/apis/lightening';
import { startSimulator, type Simulator } from '../simulator/server';
import { useFakeClock } from '../lib/fakeClock';
import { FAULT_CLASSES, sized, tallyRead, tallyWrite, type Tally } from './matrix';

/**
 * Every node's Return All and write paths against the simulator while it injects one fault
 * class at a time, then all mixed, into 5 % of the requests. After each run the CRM's store is
 * compared with the input: 0 lost, 0 duplicated, every output paired with its input, every item
 * that could not be written reported (continueOnFail), creates whose reply was lost reported as
 * "outcome unknown" and never re-sent. Waits (Retry-After, backoff) run on a fake clock; a
 * timeout is real (the simulator holds the reply for 1 s, the node gives up after 1 s).
 */

const FAULT_RATE = 0.05;
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});
afterAll(async () => await sim.stop());
useFakeClock();

const FAST = { timeout: 1, maxAttempts: 8 };

interface Path {
	node: string;
	kind: 'read' | 'write';
	/** Items (writes) or records (reads) at full size. */
	full: number;
	/** Seeds the simulator; returns the keys the run must return or write. */
	setup(n: number): string[];
	run(n: number): Promise<NodeRunResult>;
	/** A write the layer may send again (an upsert by external id): retries must absorb faults. */
	idempotent?: boolean;
	/** The credential's token is renewed by logging in again: an expired token is absorbed. */
	renewable?: boolean;
	/** Records the CRM holds for a write's key; a read's record key. */
	stored?(key: string): number;
	key?(json: IDataObject): string;
}

const crmcom = () => sim.api<CrmComBackofficeApi>('crmcom');
const centrix = () => sim.api<CentrixOneApi>('centrixone');
const lightening = () => sim.api<LighteningApi>('lightening');
const cention = () => sim.api<CentionApi>('cention');
const legacy = () => sim.api<CrmComLegacyApi>('crmcomLegacy');

function run(spec: Omit<NodeRunSpec, 'parameters'> & { parameters: IDataObject }) {
	return executeNode({
		...spec,
		parameters: spec.parameters as INodeParameters,
		continueOnFail: true,
	});
}

const crmcomCredentials = () => crmNode(sim, 'crmcomUser');
const centrixCredentials = () => crmNode(sim, 'centrixone');
const lighteningCredentials = () => crmNode(sim, 'lightening');
const legacyCredentials = () => crmNode(sim, 'legacyPassword');
const numbered = (n: number) => Array.from({ length: n }, (_, k) => ({ k: k + 1 }));

const PATHS: Path[] = [
	{
		node: 'CRM.COM',
		kind: 'read',
		renewable: true,
		full: 10_000,
		setup(n) {
			crmcom().seed(Math.ceil(n / 100), n);
			return [...crmcom().activities.keys()];
		},
		run: async () =>
			await run({
				...crmcomCredentials(),
				parameters: {
					authentication: 'userJwt',
					resource: 'activity',
					operation: 'getAll',
					returnAll: true,
					simplify: false,
					filters: {},
					options: FAST,
				},
			}),
		key: (json) => String(json.id),
	},
	{
		node: 'CRM.COM',
		kind: 'write',
		renewable: true,
		full: 1_000,
		setup(n) {
			crmcom().seed(1, 0);
			return numbered(n).map(({ k }) => `Reliability ${k}`);
		},
		run: async (n) =>
			await run({
				...crmcomCredentials(),
				input: numbered(n),
				parameters: {
					authentication: 'userJwt',
					resource: 'activity',
					operation: 'create',
					contactId: { __rl: true, mode: 'id', value: [...crmcom().contacts.keys()][0] },
					name: '=Reliability {{ $json.k }}',
					typeId: 'type-call',
					scheduledFrom: '2026-12-01T09:00:00Z',
					additionalFields: {},
					options: FAST,
				},
			}),
		stored: (key) => [...crmcom().activities.values()].filter((a) => a.name === key).length,
	},
	{
		node: 'CentrixOne',
		kind: 'read',
		full: 10_000,
		setup(n) {
			for (let k = 1; k <= n; k++) centrix().store({ ExternalID: `R-${k}`, Name: `Name ${k}` });
			return numbered(n).map(({ k }) => `R-${k}`);
		},
		run: async () =>
			await run({
				...centrixCredentials(),
				parameters: {
					resource: 'contact',
					operation: 'getAll',
					returnAll: true,
					simplify: false,
					options: FAST,
				},
			}),
		key: (json) => String(json.ExternalID),
	},
	{
		node: 'CentrixOne',
		kind: 'write',
		idempotent: true,
		full: 10_000,
		setup: (n) => numbered(n).map(({ k }) => `W-${k}`),
		run: async (n) =>
			await run({
				...centrixCredentials(),
				input: numbered(n).map(({ k }) => ({ ExternalID: `W-${k}`, Email: `w${k}@x.example` })),
				parameters: {
					resource: 'contact',
					operation: 'upsert',
					mappingMode: 'autoMapInputData',
					options: FAST,
				},
			}),
		stored: (key) => [...centrix().contacts.values()].filter((c) => c.ExternalID === key).length,
	},
	{
		node: 'Lightening',
		kind: 'read',
		full: 10_000,
		setup(n) {
			for (let k = 1; k <= n; k++)
				lightening().insert({ customer_id: 1, name: `Read ${k}`, email: `r${k}@acme.example` });
			return [...lightening().contacts.keys()];
		},
		run: async () =>
			await run({
				...lighteningCredentials(),
				parameters: {
					resource: 'contact',
					operation: 'getAll',
					customerIds: '1',
					returnAll: true,
					simplify: false,
					options: FAST,
				},
			}),
		key: (json) => String(json.id),
	},
	{
		node: 'Lightening',
		kind: 'write',
		full: 1_000,
		setup: (n) => numbered(n).map(({ k }) => `Write ${k}`),
		run: async (n) =>
			await run({
				...lighteningCredentials(),
				input: numbered(n),
				parameters: {
					resource: 'contact',
					operation: 'create',
					customerId: '1',
					name: '=Write {{ $json.k }}',
					additionalFields: { email: '=w{{ $json.k }}@acme.example' },
					options: FAST,
				},
			}),
		stored: (key) => [...lightening().contacts.values()].filter((c) => c.name === key).length,
	},
	{
		node: 'Cention',
		kind: 'write',
		idempotent: true,
		full: 1_000,
		setup: (n) => numbered(n).map(({ k }) => `card${k}@x.example`),
		run: async (n) =>
			await run({
				...crmNode(sim, 'cention'),
				input: numbered(n),
				parameters: {
					resource: 'contactCard',
					operation: 'upsert',
					name: '=Card {{ $json.k }}',
					emails: '=card{{ $json.k }}@x.example',
					options: FAST,
				},
			}),
		stored: (key) =>
			[...cention().cards.values()].filter((c) => c.contacts.email?.includes(key)).length,
	},
	{
		node: 'CRM.COM Legacy',
		kind: 'read',
		renewable: true,
		full: 10_000,
		setup(n) {
			legacy().seedProvisioning(n);
			return legacy().provisioning.map((p) => String(p.id));
		},
		run: async () =>
			await run({
				...legacyCredentials(),
				parameters: {
					resource: 'provisioningRequest',
					operation: 'getPending',
					provider: LEGACY_DEMO.provider,
					returnAll: true,
					options: FAST,
				},
			}),
		key: (json) => String(json.id),
	},
];

/**
 * Fault classes retries must absorb on a path (issue #16): 429 and 503 with Retry-After
 * everywhere (the service did not process the request); 502/504 and resets on reads and
 * idempotent writes; an expired token where the credential logs in again. There, every item
 * must succeed: a node that never retries fails the matrix.
 */
function mustAbsorb(path: Path, kinds: readonly string[]): boolean {
	return kinds.every((kind) => {
		if (kind === 'status429' || kind === 'status503') return true;
		if (['status502', 'status504', 'resetBefore', 'resetAfter'].includes(kind))
			return path.kind === 'read' || path.idempotent === true;
		if (kind === 'tokenExpired') return path.renewable === true;
		return false;
	});
}

/** What keeps a run from "every item succeeded": empty when all did. */
function absorbFailures(path: Path, result: NodeRunResult, tally: Tally, n: number): string[] {
	const problems: string[] = [];
	if (result.error) problems.push(`node failed: ${result.error.message}`);
	if (path.kind === 'read') {
		if (tally.errors > 0) problems.push(`read failed: ${String(result.items[0]?.json.error)}`);
		if (tally.ok !== n) problems.push(`read returned ${tally.ok} of ${n} records`);
	} else {
		if (tally.ok !== n) problems.push(`${tally.ok} of ${n} items OK, ${tally.errors} errors`);
		const firstError = result.items.find((item) => item.json.error !== undefined);
		if (firstError) problems.push(`first error: ${String(firstError.json.error)}`);
	}
	return problems;
}

const totals: Array<{ path: string; fault: string } & Tally> = [];

afterAll(() => {
	// the figures the README's Reliability section quotes (npm run test:reliability)
	if (process.env.RELIABILITY_REPORT) process.stdout.write(`${JSON.stringify(totals)}\n`);
});

describe.each(PATHS.map((p) => [`${p.node} ${p.kind}`, p] as const))('%s', (_name, path) => {
	const n = sized(path.full);

	it.each(FAULT_CLASSES.map((f) => [f.name, f] as const))(
		`${n} items, %s: 0 lost, 0 duplicated, all paired, failures reported`,
		async (_fault, fault) => {
			sim.reset(false);
			const keys = path.setup(n);
			sim.log.clear();
			// the first requests meet each fault of the class for sure (a read may be one request),
			// then 5 % of all requests draw one at random
			sim.faults.add(...fault.kinds.map((kind) => ({ kind, retryAfter: 1 })));
			sim.faults.setRandom({ rate: FAULT_RATE, kinds: fault.kinds, retryAfter: 1 }, n);
			let result: NodeRunResult;
			try {
				result = await path.run(n);
			} finally {
				sim.faults.clear();
			}
			// a held reply is applied after the node gave up on it: let it land in this test
			if (fault.kinds.includes('delay')) await new Promise((r) => setTimeout(r, 1200));
			const injected = sim.log.all().filter((r) => r.fault).length;
			if (process.env.RELIABILITY_DEBUG)
				process.stdout.write(
					`${path.node} ${path.kind} ${fault.name}: ${sim.log.all().length} requests, ${injected} faults, first output ${JSON.stringify(result.items[0]?.json).slice(0, 300)} ${result.error?.message}\n`,
				);
			let tally: Tally;
			if (path.kind === 'read') {
				const failed = result.items.length === 1 && result.items[0].json.error !== undefined;
				tally = tallyRead(keys, failed ? [] : result.items, path.key!, failed);
				if (failed) expect(String(result.items[0].json.error)).not.toBe('');
				else expect(result.items).toHaveLength(keys.length);
			} else {
				expect(result.items).toHaveLength(n);
				tally = tallyWrite(keys, result.items, path.stored!);
				// a failed item is not in the CRM, or is reported as "outcome unknown"
				result.items.forEach((item, k) => {
					if (item.json.error !== undefined && path.stored!(keys[k]) > 0)
						expect(String(item.json.error) + JSON.stringify(item.json)).toMatch(
							/Outcome unknown|may or may not/i,
						);
				});
			}
			if (process.env.RELIABILITY_DEBUG && tally.duplicated)
				for (const key of keys)
					if (path.stored!(key) > 1)
						process.stdout.write(
							`DUP ${key}: ${JSON.stringify(
								sim.log
									.all()
									.filter((r) => JSON.stringify(r.body ?? '').includes(`"${key}"`))
									.map((r) => [r.seq, r.method, r.path, r.fault, r.status]),
							)}\n`,
						);
			expect(result.error).toBeUndefined();
			// where retries must absorb the fault, every item succeeds (OK count asserted)
			if (mustAbsorb(path, fault.kinds)) expect(absorbFailures(path, result, tally, n)).toEqual([]);
			// every item is either OK or reported: a read as a whole, a write item by item
			expect(tally.ok).toBe(path.kind === 'read' ? (tally.errors ? 0 : n) : n - tally.errors);
			expect(tally.lost).toBe(0);
			expect(tally.duplicated).toBe(0);
			expect(tally.unpaired).toBe(0);
			expect(injected).toBeGreaterThan(0);
			totals.push({ path: `${path.node} ${path.kind}`, fault: fault.name, ...tally });
		},
		120_000,
	);
});

describe('the matrix fails a node that never retries', () => {
	it.each(
		PATHS.filter((p) => p.node === 'CRM.COM' || p.node === 'Cention').map(
			(p) => [`${p.node} ${p.kind}`, p] as const,
		),
	)('%s with Max Attempts 1 under 503 + Retry-After is caught', async (_name, path) => {
		const n = 20;
		sim.reset(false);
		const keys = path.setup(n);
		sim.faults.add({ kind: 'status503', retryAfter: 1 });
		let result: NodeRunResult;
		const saved = FAST.maxAttempts;
		FAST.maxAttempts = 1;
		try {
			result = await path.run(n);
		} finally {
			FAST.maxAttempts = saved;
			sim.faults.clear();
		}
		const failed = path.kind === 'read' && result.items[0]?.json.error !== undefined;
		const tally =
			path.kind === 'read'
				? tallyRead(keys, failed ? [] : result.items, path.key!, failed)
				: tallyWrite(keys, result.items, path.stored!);
		expect(mustAbsorb(path, ['status503'])).toBe(true);
		expect(absorbFailures(path, result, tally, n)).not.toEqual([]);
	});
});
