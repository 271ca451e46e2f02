import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { crmNode, type CrmNodeSetup } from '../harness/crmNodes';
import { executeNode, type NodeRunResult } from '../harness/harness';
import { CENTION_DEMO } from '../simulator/apis/cention';
import { CENTRIX_DEMO } from '../simulator/apis/centrixone';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../simulator/apis/crmcomLegacy';
import { LIGHTENING_DEMO } from '../simulator/apis/lightening';
import type { FaultRule } from '../simulator/faults';
import { startSimulator, type Simulator } from '../simulator/server';
import { useFakeClock } from '../lib/fakeClock';

/**
 * Every credential type through every failure mode; everything that reaches the user (the
 * error's message, description and context, the whole error serialised, continueOnFail output
 * items, and anything written to the console or stdout/stderr) is scanned for the secrets:
 * API keys, JWTs, tokens the nodes obtained, passwords, the CentrixOne key that travels in the
 * URL path and the legacy token that travels in the query and the body. 0 found.
 */

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());
useFakeClock();

/** A wrong secret, long and distinctive, for the bad-auth runs. */
const WRONG = 'Wr0ngSecretValue9z8y7x6w5v4u3t2s1';

interface CredentialCase {
	type: string;
	setup: CrmNodeSetup;
	/** The credential field that holds the secret (replaced by a wrong one for bad auth). */
	secretField: string;
	/** A read that succeeds with good credentials. */
	read: IDataObject;
	/** A read of a record that does not exist (a 4xx). */
	missing: IDataObject;
	/** Input the node refuses before sending. */
	invalid: IDataObject;
	/** The secrets of this credential, and any token the run obtained. */
	secrets: () => string[];
}

const issuedCrmComTokens = () => [...sim.api<CrmComBackofficeApi>('crmcom').tokens.keys()];
const issuedLegacyTokens = () => [...sim.api<CrmComLegacyApi>('crmcomLegacy').tokens.keys()];

/** The CRM.COM Legacy reads, the same for both of its credential kinds. */
const LEGACY_READ = {
	resource: 'provisioningRequest',
	operation: 'getPending',
	provider: LEGACY_DEMO.provider,
	returnAll: true,
};
const LEGACY_MISSING = {
	resource: 'contactInformation',
	operation: 'get',
	identifierType: 'number',
	identifier: 'NOPE404',
};

const CASES: CredentialCase[] = [
	{
		type: 'crmComApi',
		setup: 'crmcom',
		secretField: 'apiKey',
		read: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 2 },
		missing: {
			resource: 'contact',
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: 'nope' },
		},
		invalid: {
			resource: 'account',
			operation: 'create',
			contactId: { __rl: true, mode: 'id', value: 'c' },
			currencyCode: 'EURO',
		},
		secrets: () => [CRMCOM_DEMO.apiKey, WRONG],
	},
	{
		type: 'crmComUserApi',
		setup: 'crmcomUser',
		secretField: 'password',
		read: {
			authentication: 'userJwt',
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		},
		missing: {
			authentication: 'userJwt',
			resource: 'contact',
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: 'nope' },
		},
		invalid: {
			authentication: 'userJwt',
			resource: 'account',
			operation: 'create',
			contactId: { __rl: true, mode: 'id', value: 'c' },
			currencyCode: 'EURO',
		},
		secrets: () => [CRMCOM_DEMO.apiKey, CRMCOM_DEMO.password, WRONG, ...issuedCrmComTokens()],
	},
	{
		type: 'centionApi',
		setup: 'cention',
		secretField: 'accessToken',
		read: {
			resource: 'contactCard',
			operation: 'upsert',
			name: 'Jane',
			emails: ['jane@example.com'],
		},
		missing: {
			resource: 'contactCard',
			operation: 'upsert',
			name: 'Jane',
			emails: ['jane@example.com'],
		},
		invalid: {
			resource: 'contactCard',
			operation: 'upsert',
			name: 'Jane',
			emails: ['not-an-email'],
		},
		secrets: () => [CENTION_DEMO.jwt, WRONG],
	},
	{
		type: 'lighteningApi',
		setup: 'lightening',
		secretField: 'authorizationToken',
		read: { resource: 'contact', operation: 'getAll', customerIds: '1', returnAll: true },
		missing: { resource: 'contact', operation: 'get', contactId: '999999' },
		invalid: { resource: 'contact', operation: 'create', customerId: '1', name: 'x'.repeat(65) },
		secrets: () => [LIGHTENING_DEMO.authorization, WRONG],
	},
	{
		type: 'crmComLegacyApi (password)',
		setup: 'legacyPassword',
		secretField: 'password',
		read: LEGACY_READ,
		missing: LEGACY_MISSING,
		invalid: { resource: 'custom', operation: 'apiCall', method: 'GET', path: 'nope' },
		secrets: () => [LEGACY_DEMO.password, WRONG, ...issuedLegacyTokens()],
	},
	{
		type: 'crmComLegacyApi (web API key)',
		setup: 'legacyWebApiKey',
		secretField: 'webApiKey',
		read: LEGACY_READ,
		missing: LEGACY_MISSING,
		invalid: {
			resource: 'custom',
			operation: 'apiCall',
			method: 'POST',
			path: 'a/b',
			parameters: '{"token":"x"}',
		},
		secrets: () => [LEGACY_DEMO.webApiKey, WRONG, ...issuedLegacyTokens()],
	},
	{
		type: 'centrixOneApi',
		setup: 'centrixone',
		secretField: 'apiKey',
		read: { resource: 'contact', operation: 'getAll', returnAll: true },
		missing: { resource: 'contact', operation: 'get', findBy: 'idc', value: '999999' },
		invalid: { resource: 'contact', operation: 'upsert', externalId: 'a\tb', contactFields: {} },
		secrets: () => [
			CENTRIX_DEMO.apiKey,
			'Wr0ngSecretValue9z8y7x6w5v4u3t2s1'.replace(/[^A-Za-z0-9]/g, ''),
		],
	},
];

interface Mode {
	name: string;
	faults?: FaultRule[];
	wrongSecret?: boolean;
	parameters: (c: CredentialCase) => IDataObject;
	options?: IDataObject;
}

const OPTIONS = { maxAttempts: 2, timeout: 1 };
const MODES: Mode[] = [
	{ name: 'bad auth (wrong secret)', wrongSecret: true, parameters: (c) => c.read },
	{ name: 'a 4xx (not found)', parameters: (c) => c.missing },
	{
		name: '5xx until retries run out',
		faults: [{ kind: 'status503', count: 10 }],
		parameters: (c) => c.read,
	},
	{
		name: '502/504',
		faults: [
			{ kind: 'status502', count: 1 },
			{ kind: 'status504', count: 10 },
		],
		parameters: (c) => c.read,
	},
	{
		name: 'connection reset',
		faults: [{ kind: 'resetBefore', count: 10 }],
		parameters: (c) => c.read,
	},
	{ name: 'reply lost', faults: [{ kind: 'resetAfter', count: 10 }], parameters: (c) => c.read },
	{ name: 'non-JSON 200', faults: [{ kind: 'nonJson', count: 10 }], parameters: (c) => c.read },
	{
		name: 'expired token',
		faults: [{ kind: 'tokenExpired', count: 10 }],
		parameters: (c) => c.read,
	},
	{
		name: 'timeout',
		faults: [{ kind: 'delay', delayMs: 1500, count: 10 }],
		parameters: (c) => c.read,
	},
	{ name: 'validation error', parameters: (c) => c.invalid },
];

/** Serialises anything, cycles and all, to one text to scan. */
function everything(value: unknown): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const walk = (v: unknown, depth: number) => {
		if (depth > 12 || v === null || v === undefined) return;
		if (typeof v === 'string') return void parts.push(v);
		if (typeof v !== 'object') return void parts.push(String(v));
		if (seen.has(v)) return;
		seen.add(v);
		if (v instanceof Error) parts.push(v.message, v.stack ?? '');
		for (const key of Object.getOwnPropertyNames(v)) {
			parts.push(key);
			walk((v as Record<string, unknown>)[key], depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}

/** Runs with every console and std stream captured. */
async function captured(run: () => Promise<NodeRunResult>) {
	const logged: string[] = [];
	const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
		jest.spyOn(console, name).mockImplementation((...args: unknown[]) => {
			logged.push(everything(args));
		}),
	);
	const out = process.stdout.write.bind(process.stdout);
	const err = process.stderr.write.bind(process.stderr);
	process.stdout.write = ((chunk: string | Uint8Array) => (
		logged.push(String(chunk)),
		true
	)) as typeof process.stdout.write;
	process.stderr.write = ((chunk: string | Uint8Array) => (
		logged.push(String(chunk)),
		true
	)) as typeof process.stderr.write;
	try {
		return { result: await run(), logged };
	} finally {
		process.stdout.write = out;
		process.stderr.write = err;
		for (const spy of spies) spy.mockRestore();
	}
}

let scans = 0;
let failuresSeen = 0;

describe.each(CASES.map((c) => [c.type, c] as const))('%s', (_type, c) => {
	it.each(MODES.map((m) => [m.name, m] as const))(
		'%s: no secret reaches the user',
		async (_mode, mode) => {
			for (const continueOnFail of [false, true]) {
				sim.reset();
				if (mode.faults) sim.faults.add(...mode.faults);
				const { result, logged } = await captured(
					async () =>
						await executeNode({
							...crmNode(sim, c.setup, mode.wrongSecret ? { [c.secretField]: WRONG } : {}),
							parameters: {
								...mode.parameters(c),
								options: mode.options ?? OPTIONS,
							} as INodeParameters,
							continueOnFail,
						}),
				);
				sim.faults.clear();
				const failed =
					result.error !== undefined || result.items.some((i) => i.json.error !== undefined);
				if (failed) failuresSeen++;
				const surfaces = [
					result.error?.message,
					result.error?.description,
					everything(result.error?.context),
					everything(result.error),
					everything(result.items),
					...logged,
				];
				for (const secret of c.secrets().filter((s) => s.length >= 8)) {
					for (const surface of surfaces) {
						scans++;
						expect(String(surface ?? '')).not.toContain(secret);
					}
				}
			}
		},
		30_000,
	);
});

afterAll(() => {
	if (process.env.RELIABILITY_REPORT)
		process.stdout.write(`SECRET SCANS ${JSON.stringify({ scans, failuresSeen })}\n`);
	// not vacuous: every credential type ran every mode, most of them failing
	expect(scans).toBeGreaterThan(CASES.length * MODES.length * 2 * 6);
	expect(failuresSeen).toBeGreaterThan(CASES.length * (MODES.length - 3));
});
