import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { simulatorCredentials } from '../e2e/credentials';
import { freshUserFolder, installLines, n8nEnv, packThePack, type N8nLine } from '../e2e/lib/n8n';
import type { CentrixOneApi } from '../simulator/apis/centrixone';
import type { CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import type { LighteningApi } from '../simulator/apis/lightening';
import { startSimulator, type Simulator } from '../simulator/server';
import { everyTriggerPolledSince, triggerPollCounts, waitFor } from '../lib/waiting';
import { explain, OUTCOMES, type FailedExecution, type Outcome } from './outcomes';
import { freePort, startPostgres, startRedis, type Postgres, type Redis } from './services';
import { scaleWorkflows, WEBHOOK_ACTIVITY, WEBHOOK_CENTRIX } from './workflows';

/**
 * The pack in n8n queue mode: Postgres and Redis from Debian's packages, n8n 2.x main + 2
 * workers, each with the pack installed as a community package. 1,000 webhook calls over two
 * workflows while the simulator answers 5 % of the writes with 429/503 + Retry-After; a worker
 * killed mid-run and started again; the main process restarted once; changes made while the
 * three polling triggers run. Then the simulator's store is checked against what was sent.
 */

const WEBHOOK_CALLS = Number(process.env.SCALE_WEBHOOKS ?? 1000);
const CHANGES_PER_TRIGGER = 3;
/** Each of the 10 callers pauses this long between calls: the load lasts about 80 s. */
const CALL_PAUSE_MS = 800;
/** The wait for the last executions fails when nothing moved this long, or after the cap. */
const STALL_MS = 4 * 60 * 1000;
const WAIT_CAP_MS = 20 * 60 * 1000;
/**
 * When no execution is open and none has appeared for this long, every execution n8n will ever
 * make exists: the wait ends even if fewer executions than calls exist, and the record checks
 * below decide whether a call without an execution was lost.
 */
const SETTLED_MS = 60 * 1000;
/** A call n8n answered this close before the main process was told to stop may die with it. */
const SHUTDOWN_MARGIN_MS = 2000;
/** The CRM's latency in the second before the worker is killed. */
const SLOW_CRM_MS = 1500;

let sim: Simulator;
let pg: Postgres;
let redis: Redis;
let line: N8nLine;
const processes: ChildProcess[] = [];
const logs: Record<string, string> = {};

function queueEnv(folder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return n8nEnv(folder, {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
		// a killed worker's jobs are picked up again sooner than the 30 s default
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		// the main's check for executions left running without a job (n8n marks them crashed)
		// runs every minute instead of every 3 hours
		N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		N8N_LOG_LEVEL: 'warn',
		...extra,
	});
}

const bin = () => path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');

async function cli(folder: string, args: string[]): Promise<string> {
	return await new Promise((resolve, reject) => {
		const child = spawn(line.node, [bin(), ...args], { env: queueEnv(folder), cwd: folder });
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (out += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve(out);
			else reject(new Error(`n8n ${args.join(' ')} failed (${code}): ${out.slice(-2000)}`));
		});
	});
}

function startProcess(name: string, folder: string, args: string[], extra: Record<string, string>) {
	const child = spawn(line.node, [bin(), ...args], {
		env: queueEnv(folder, extra),
		cwd: folder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	logs[name] = logs[name] ?? '';
	const keep = (d: Buffer) => (logs[name] = (logs[name] + d.toString()).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	processes.push(child);
	return child;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	await exited;
	clearTimeout(timer);
}

/** GET a URL; the status, or 0 when nothing answers. */
async function getStatus(url: string): Promise<number> {
	return await new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', () => resolve(0));
		req.setTimeout(5000, () => req.destroy());
	});
}

/**
 * POSTs JSON; the status, 0 when the connection was refused (nothing was sent), or -1 when it
 * failed after the request may have reached n8n (the call's outcome is unknown to the caller).
 */
async function post(url: string, body: unknown): Promise<number> {
	return await new Promise((resolve) => {
		const data = JSON.stringify(body);
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', (error: NodeJS.ErrnoException) =>
			resolve(error.code === 'ECONNREFUSED' ? 0 : -1),
		);
		req.setTimeout(30_000, () => req.destroy());
		req.end(data);
	});
}

beforeAll(
	async () => {
		sim = await startSimulator();
		[pg, redis] = await Promise.all([startPostgres(), startRedis()]);
		line = (await installLines())[0];
	},
	45 * 60 * 1000,
);

afterAll(async () => {
	await Promise.all(processes.map(async (p) => await stopProcess(p, 'SIGKILL')));
	await Promise.allSettled([pg?.stop(), redis?.stop(), sim?.stop()]);
});

it(
	'main + 2 workers: every webhook written once, every trigger change emitted once, across a killed worker and a main restart',
	async () => {
		const started = Date.now();
		const tarball = await packThePack();
		const [mainFolder, worker1Folder, worker2Folder] = await Promise.all([
			freshUserFolder(tarball),
			freshUserFolder(tarball),
			freshUserFolder(tarball),
		]);
		const crmcom = sim.api<CrmComBackofficeApi>('crmcom');
		const centrix = sim.api<CentrixOneApi>('centrixone');
		const lightening = sim.api<LighteningApi>('lightening');
		const contactId = [...crmcom.contacts.keys()][0];

		// credentials and workflows into Postgres through the n8n CLI, then published
		const setup = mkdtempSync(path.join(tmpdir(), 'crm-pack-scale-'));
		writeFileSync(path.join(setup, 'credentials.json'), JSON.stringify(simulatorCredentials(sim)));
		await cli(mainFolder, [
			'import:credentials',
			`--input=${path.join(setup, 'credentials.json')}`,
		]);
		const workflows = scaleWorkflows(contactId);
		const folder = path.join(setup, 'workflows');
		mkdirSync(folder);
		for (const wf of workflows)
			writeFileSync(path.join(folder, `${wf.id}.json`), JSON.stringify(wf));
		await cli(mainFolder, ['import:workflow', '--separate', `--input=${folder}`]);
		for (const wf of workflows) await cli(mainFolder, ['publish:workflow', `--id=${wf.id}`]);

		const mainPort = await freePort();
		const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
		const startMain = () =>
			startProcess('main', mainFolder, ['start'], {
				N8N_PORT: String(mainPort),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(ports[0]),
			});
		const startWorker = (n: 1 | 2) =>
			startProcess(
				`worker${n}`,
				n === 1 ? worker1Folder : worker2Folder,
				['worker', '--concurrency=10'],
				{
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(ports[n]),
					N8N_RUNNERS_BROKER_PORT: String(ports[n + 2]),
				},
			);
		const mainUp = async () =>
			await waitFor(
				'the main process',
				async () => (await getStatus(`http://127.0.0.1:${mainPort}/healthz`)) === 200,
				180_000,
			);
		const workerUp = async (n: 1 | 2) =>
			await waitFor(
				`worker ${n}`,
				async () => (await getStatus(`http://127.0.0.1:${ports[n]}/healthz`)) === 200,
				180_000,
			);

		let main = startMain();
		let worker1 = startWorker(1);
		startWorker(2);
		await Promise.all([mainUp(), workerUp(1), workerUp(2)]);

		// the triggers' activation polls record their cursors
		await waitFor(
			'the activation polls of the three triggers',
			() => everyTriggerPolledSince(sim, [0, 0, 0]),
			120_000,
		);
		const changes = { crmcom: [] as string[], lightening: [] as string[], centrix: [] as string[] };
		const makeChanges = (tag: string) => {
			for (let k = 1; k <= CHANGES_PER_TRIGGER; k++) {
				const activity = crmcom.insertActivity({
					name: `visit ${tag} ${k}`,
					type_id: 'type-visit',
					linked_to: [{ type: 'CONTACT', id: contactId }],
				});
				changes.crmcom.push(activity.id);
				const contact = lightening.insert(
					{ customer_id: 1, name: `newcomer ${tag} ${k}` },
					Date.now() + 1000,
				);
				changes.lightening.push(contact.id);
				const c = centrix.store({ ExternalID: `CHANGE-${tag}-${k}`, Name: 'Change', ids: 30 });
				changes.centrix.push(c.ExternalID);
			}
		};
		makeChanges('before');

		// 1,000 webhook calls, 10 at a time, while 5 % of the writes meet 429/503 + Retry-After
		sim.faults.setRandom(
			{ rate: 0.05, kinds: ['status429', 'status503'], retryAfter: 1, method: 'POST' },
			42,
		);
		let sent = 0;
		let retriedCalls = 0;
		let ambiguousRetries = 0;
		/** When n8n answered 200 to each call (the caller's own record of every call). */
		const acceptedAt = new Map<string, number>();
		/** When the main process was told to stop, and when it was back. */
		let mainStopAt = Number.POSITIVE_INFINITY;
		let mainBackAt = Number.POSITIVE_INFINITY;
		const events: string[] = [];
		const call = async (n: number) => {
			const isCentrix = n % 2 === 0;
			const url = `http://127.0.0.1:${mainPort}/webhook/${isCentrix ? WEBHOOK_CENTRIX : WEBHOOK_ACTIVITY}`;
			const body = isCentrix
				? { externalId: `SCALE-${n}`, email: `scale${n}@centrix.example` }
				: { name: `scale-activity-${n}` };
			// a caller retries until n8n takes the call (the main process restarts once)
			for (let attempt = 0; attempt < 120; attempt++) {
				const status = await post(url, body);
				if (status === 200) {
					acceptedAt.set(isCentrix ? `SCALE-${n}` : `scale-activity-${n}`, Date.now());
					return;
				}
				if (attempt === 0) retriedCalls++;
				if (status === -1) ambiguousRetries++;
				await new Promise((r) => setTimeout(r, 1000));
			}
			throw new Error(`webhook call ${n} was never accepted`);
		};
		// paced (about 12 calls a second) so that both faults fall in the middle of the load
		let next = 1;
		const client = async () => {
			while (next <= WEBHOOK_CALLS) {
				const n = next++;
				await call(n);
				sent++;
				await new Promise((r) => setTimeout(r, CALL_PAUSE_MS));
			}
		};
		const event = (what: string) =>
			events.push(`${what} after ${sent} calls (${Math.round((Date.now() - loadStart) / 1000)} s)`);
		const loadStart = Date.now();
		let startedBeforeKill = 0;
		const load = Promise.all(Array.from({ length: 10 }, client));
		const faults = (async () => {
			await waitFor('a fifth of the calls', () => sent >= WEBHOOK_CALLS * 0.2, 300_000, 50);
			// the CRM slows down (1.5 s a request) for a second, so that the worker is killed
			// with executions in hand, some with their request already at the CRM
			sim.latencyMs = SLOW_CRM_MS;
			await new Promise((r) => setTimeout(r, 1000));
			startedBeforeKill = next - 1;
			await stopProcess(worker1, 'SIGKILL');
			event('worker 1 killed');
			sim.latencyMs = 0;
			await new Promise((r) => setTimeout(r, 2000));
			worker1 = startWorker(1);
			await workerUp(1);
			event('worker 1 back');
			await waitFor('half of the calls', () => sent >= WEBHOOK_CALLS * 0.5, 300_000, 50);
			mainStopAt = Date.now();
			await stopProcess(main);
			event('main stopped');
			main = startMain();
			await mainUp();
			mainBackAt = Date.now();
			event('main back');
			makeChanges('after');
		})();
		await Promise.all([load, faults]);
		const loadSeconds = (Date.now() - started) / 1000;

		// every webhook's record, and every change's record
		const centrixCount = (id: string) =>
			[...centrix.contacts.values()].filter((c) => c.ExternalID === id).length;
		const activityNames = () => {
			const counts = new Map<string, number>();
			for (const a of crmcom.activities.values()) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
			return counts;
		};
		const lighteningNames = () => {
			const counts = new Map<string, number>();
			for (const c of lightening.contacts.values())
				counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
			return counts;
		};
		const centrixIds = Array.from({ length: WEBHOOK_CALLS }, (_, k) => k + 1)
			.filter((n) => n % 2 === 0)
			.map((n) => `SCALE-${n}`);
		const activityIds = Array.from({ length: WEBHOOK_CALLS }, (_, k) => k + 1)
			.filter((n) => n % 2 === 1)
			.map((n) => `scale-activity-${n}`);
		const expectedTriggerWrites = () => {
			const names = activityNames();
			const people = lighteningNames();
			return [
				...changes.crmcom.map((id) => people.get(`from-crmcom-${id}`) ?? 0),
				...changes.lightening.map((id) => names.get(`from-lightening-${id}`) ?? 0),
				...changes.centrix.map((id) => names.get(`from-centrix-${id}`) ?? 0),
			];
		};
		// every accepted call should be an execution: wait until none is open and there is one per
		// call. On a busy machine the workers can lag minutes behind the callers, so the wait fails
		// only when something is still open and nothing moved for STALL_MS (or after WAIT_CAP_MS in
		// all), printing what is still open. With nothing open and nothing new for SETTLED_MS, n8n
		// has made every execution it will make: the checks below account for each call by id.
		const hooks = `'scaleHookCentrix', 'scaleHookActivit'`;
		const openSql = `status IN ('new', 'running', 'waiting', 'unknown')`;
		const waitStart = Date.now();
		let lastState = '';
		let lastMove = Date.now();
		for (;;) {
			const state = (
				await pg.psql(
					`SELECT (SELECT count(*) FROM execution_entity WHERE ${openSql}) || ' ' || (SELECT count(*) FROM execution_entity WHERE "workflowId" IN (${hooks})) || ' ' || (SELECT count(*) FROM execution_entity WHERE status NOT IN ('new', 'running', 'waiting', 'unknown'))`,
				)
			).trim();
			const [open, hookExecutions] = state.split(' ').map(Number);
			if (open === 0 && hookExecutions >= WEBHOOK_CALLS) break;
			if (state !== lastState) {
				lastState = state;
				lastMove = Date.now();
			}
			if (open === 0 && Date.now() - lastMove > SETTLED_MS) break;
			if (Date.now() - lastMove > STALL_MS || Date.now() - waitStart > WAIT_CAP_MS) {
				const stuck = await pg.psql(
					`SELECT id || ' ' || "workflowId" || ' ' || status || ' started ' || coalesce("startedAt"::text, '-') FROM execution_entity WHERE ${openSql} ORDER BY id LIMIT 20`,
				);
				throw new Error(
					`executions still open after ${Math.round((Date.now() - waitStart) / 1000)} s (nothing moved for ${Math.round((Date.now() - lastMove) / 1000)} s): ${open} open, ${hookExecutions} of ${WEBHOOK_CALLS} webhook executions; statuses ${(await pg.psql(`SELECT status || '=' || count(*) FROM execution_entity GROUP BY status`)).split('\n').join(', ')}; open: ${stuck.split('\n').join('; ')}`,
				);
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
		// executions n8n gave up on (their worker died), per workflow: each must say why
		const failedOf = async (workflowId: string) =>
			Number(
				await pg.psql(
					`SELECT count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' AND status <> 'success'`,
				),
			);
		const failedCentrix = await failedOf('scaleHookCentrix');
		const failedActivity = await failedOf('scaleHookActivit');
		// what n8n says about each of them: one of its known outcomes for a dead worker or a
		// restart (test/scale/outcomes.ts, read from n8n 2.40.7's code), or unexplained
		const failedExecutions = (
			await pg.psql(
				`SELECT json_build_object('id', e.id, 'workflowId', e."workflowId", 'status', e.status, 'data', d.data)::text FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.status <> 'success' ORDER BY e.id`,
			)
		)
			.split('\n')
			.filter((row) => row.trim())
			.map((row) => JSON.parse(row) as FailedExecution);
		const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
		const unexplained: string[] = [];
		for (const execution of failedExecutions) {
			const why = explain(execution);
			if ('outcome' in why) outcomes[why.outcome]++;
			else
				unexplained.push(`execution ${execution.id} (${execution.workflowId}): ${why.unexplained}`);
		}
		await waitFor(
			'every trigger change to be acted on',
			() => expectedTriggerWrites().every((count) => count > 0),
			6 * 60 * 1000,
			2000,
		);
		// one more poll of every trigger: a change emitted twice would show now
		const polls = triggerPollCounts(sim);
		await waitFor(
			'one more poll of every trigger',
			() => everyTriggerPolledSince(sim, polls),
			150_000,
			1000,
		);
		await new Promise((r) => setTimeout(r, 10_000));
		sim.faults.clear();

		const names = activityNames();
		const centrixDuplicates = centrixIds.reduce(
			(sum, id) => sum + Math.max(0, centrixCount(id) - 1),
			0,
		);
		const centrixMissing = centrixIds.filter((id) => centrixCount(id) === 0);
		const activityMissing = activityIds.filter((id) => !names.get(id));
		// A record is missing without being lost only when n8n gave up on its execution and said
		// so: the execution is failed with one of n8n's outcomes (checked below). The failed
		// execution is matched to its record by identity, the id carried by the webhook body in its
		// stored data; a failed execution whose data names no id (n8n may keep none for a job it
		// never started) can stand for at most one missing record. Anything else is lost. (A
		// boundary by call number at the kill is not used: on a loaded machine a job can also stall
		// on a live worker, and n8n fails it the same way.)
		const idsIn = (data: string | null | undefined, pattern: RegExp) =>
			new Set((data ?? '').match(pattern) ?? []);
		const lostOf = (missing: string[], workflowId: string, pattern: RegExp) => {
			const failed = failedExecutions.filter((e) => e.workflowId === workflowId);
			const carried = new Set<string>();
			let anonymous = 0;
			for (const execution of failed) {
				const ids = idsIn(execution.data, pattern);
				if (ids.size === 0) anonymous++;
				for (const id of ids) carried.add(id);
			}
			identifiedFailures += failed.length - anonymous;
			return Math.max(0, missing.filter((id) => !carried.has(id)).length - anonymous);
		};
		let identifiedFailures = 0;
		// every call accounted for at the caller: the ids that some execution of its workflow
		// names in its data. A call n8n answered 200 with no execution naming it either had its
		// record written all the same (n8n's bookkeeping, not a loss), or was answered in the
		// moment the main process was told to stop: the Webhook node's "Immediately" mode answers
		// before the execution is stored, so a main stopped in between drops the call with it.
		// That is n8n's own contract for that mode; such a call is reported, never counted as
		// written, and any other call with neither an execution nor a record is lost.
		const idsWithExecution = async (workflowId: string, pattern: string) =>
			new Set(
				(
					await pg.psql(
						`SELECT DISTINCT (regexp_matches(d.data, '${pattern}', 'g'))[1] FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${workflowId}'`,
					)
				)
					.split('\n')
					.filter((id) => id.trim()),
			);
		const withExecution = new Set([
			...(await idsWithExecution('scaleHookCentrix', '(SCALE-[0-9]+)')),
			...(await idsWithExecution('scaleHookActivit', '(scale-activity-[0-9]+)')),
		]);
		const written = (id: string) =>
			id.startsWith('SCALE-') ? centrixCount(id) > 0 : (names.get(id) ?? 0) > 0;
		const withoutExecution = [...centrixIds, ...activityIds].filter((id) => !withExecution.has(id));
		const notAccepted = [...centrixIds, ...activityIds].filter((id) => !acceptedAt.has(id));
		const answeredAsMainStopped = (id: string) => {
			const at = acceptedAt.get(id) ?? 0;
			return at >= mainStopAt - SHUTDOWN_MARGIN_MS && at <= mainBackAt;
		};
		const droppedAtShutdown = withoutExecution.filter(
			(id) => !written(id) && answeredAsMainStopped(id),
		);
		const dropped = new Set(droppedAtShutdown);
		const centrixLost = lostOf(
			centrixMissing.filter((id) => !dropped.has(id)),
			'scaleHookCentrix',
			/SCALE-\d+\b/g,
		);
		const activityLost = lostOf(
			activityMissing.filter((id) => !dropped.has(id)),
			'scaleHookActivit',
			/scale-activity-\d+\b/g,
		);
		// executions failed by n8n whose record the CRM had written all the same (the request had
		// reached it before the worker died): re-running one of them would write it twice
		const writtenDespiteFailure =
			Math.max(0, failedCentrix - centrixMissing.length) +
			Math.max(0, failedActivity - activityMissing.length);
		const activityDuplicates = activityIds.reduce(
			(sum, id) => sum + Math.max(0, (names.get(id) ?? 0) - 1),
			0,
		);
		const triggerWrites = expectedTriggerWrites();
		const statuses = await pg.psql(
			`SELECT status || '=' || count(*) FROM execution_entity GROUP BY status ORDER BY status`,
		);
		const injected = sim.log.all().filter((r) => r.fault).length;
		const figures = {
			webhookCalls: WEBHOOK_CALLS,
			callsWithoutAnExecution: {
				count: withoutExecution.length,
				recordWrittenAllTheSame: withoutExecution.filter(written).length,
				answeredAsTheMainStoppedAndDropped: droppedAtShutdown,
				ids: withoutExecution.slice(0, 20),
			},
			executions: statuses.split('\n').join(', '),
			faultsInjected: injected,
			callsRetriedByTheCaller: retriedCalls,
			ambiguousCallerRetries: ambiguousRetries,
			events,
			centrixOneUpserts: {
				expected: centrixIds.length,
				lost: centrixLost,
				duplicated: centrixDuplicates,
			},
			crmcomActivityCreates: {
				expected: activityIds.length,
				lost: activityLost,
				duplicated: activityDuplicates,
			},
			triggerChanges: {
				expected: triggerWrites.length,
				emittedOnce: triggerWrites.filter((c) => c === 1).length,
				lost: triggerWrites.filter((c) => c === 0).length,
				duplicated: triggerWrites.reduce((s, c) => s + Math.max(0, c - 1), 0),
				counts: {
					crmcom: triggerWrites.slice(0, changes.crmcom.length),
					lightening: triggerWrites.slice(
						changes.crmcom.length,
						changes.crmcom.length + changes.lightening.length,
					),
					centrix: triggerWrites.slice(changes.crmcom.length + changes.lightening.length),
				},
			},
			executionsFailedByN8n: {
				centrixOneUpsert: failedCentrix,
				crmcomActivityCreate: failedActivity,
				outcomes,
				unexplained,
				recordsNotWritten: centrixMissing.length + activityMissing.length,
				recordsWrittenAllTheSame: writtenDespiteFailure,
				callsTakenBeforeTheKill: startedBeforeKill,
				failedExecutionsMatchedToTheirRecord: identifiedFailures,
			},
			seconds: Math.round((Date.now() - started) / 1000),
			loadSeconds: Math.round(loadSeconds),
		};
		process.stdout.write(`SCALE FIGURES ${JSON.stringify(figures)}\n`);
		writeFileSync(path.join(__dirname, 'last-run.json'), `${JSON.stringify(figures, null, 2)}\n`);

		expect(events).toHaveLength(4);
		expect(notAccepted).toEqual([]);
		// n8n's drop of an answered call is bounded to the moment its main stopped: at most the
		// calls the 10 callers can have in flight then
		expect(droppedAtShutdown.length).toBeLessThanOrEqual(10);
		expect(injected).toBeGreaterThan(0);
		expect(centrixLost).toBe(0);
		expect(centrixDuplicates).toBe(0);
		expect(activityLost).toBe(0);
		// the kill hit executions in hand, and every execution n8n did not finish (of any workflow)
		// is one of n8n's own outcomes for a dead worker or a restart, with what n8n tells the user
		expect(failedCentrix + failedActivity).toBeGreaterThan(0);
		expect(unexplained).toEqual([]);
		// n8n never re-runs a job, so a plain create can only be doubled by a caller that resent
		// a call whose reply it lost: reported, and bounded by those resends
		expect(activityDuplicates).toBeLessThanOrEqual(ambiguousRetries);
		expect(figures.triggerChanges.lost).toBe(0);
		expect(figures.triggerChanges.duplicated).toBe(0);
	},
	40 * 60 * 1000,
);
