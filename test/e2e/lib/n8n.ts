import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO = path.resolve(__dirname, '../../..');

/** One installed n8n line: its folder and the Node binary that runs it. */
export interface N8nLine {
	name: string;
	dir: string;
	node: string;
}

/** Installs (or reuses) the pinned n8n lines; returns them. */
export async function installLines(): Promise<N8nLine[]> {
	const { stdout } = await run('bash', [path.join(REPO, 'test/e2e/setup/install-n8n.sh')], {
		maxBuffer: 64 * 1024 * 1024,
		timeout: 40 * 60 * 1000,
	});
	const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { lines: N8nLine[] };
	return summary.lines;
}

/**
 * Builds the pack and packs it with `npm pack`, as it would be published. One build at a time per
 * checkout (`flock`): the demo, the e2e suite and the bench may run side by side, and a build
 * starts by removing dist/.
 */
export async function packThePack(): Promise<string> {
	const out = mkdtempSync(path.join(tmpdir(), 'crm-pack-tgz-'));
	const lock = path.join(tmpdir(), `crm-pack-build-${REPO.replace(/\W+/g, '_')}.lock`);
	const { stdout } = await run(
		'flock',
		[lock, 'sh', '-c', 'npm run build >&2 && npm pack --pack-destination "$1" --silent', 'sh', out],
		{ cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 },
	);
	return path.join(out, stdout.trim().split('\n').pop() ?? '');
}

/** The environment every n8n process of the tests runs with: offline, quiet, legacy expressions. */
export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'crm-pack-e2e-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: '1',
		NODE_OPTIONS: '--max-old-space-size=2048',
		...extra,
	};
}

/**
 * A fresh n8n user folder with the pack installed where n8n installs community packages
 * (`.n8n/nodes/node_modules/<package>`, listed in `.n8n/nodes/package.json`), without its
 * peer and dev dependencies: n8n supplies n8n-workflow and zod.
 */
export async function freshUserFolder(tarball: string): Promise<string> {
	const userFolder = mkdtempSync(path.join(tmpdir(), 'crm-pack-n8n-user-'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', 'n8n-nodes-crm-pack');
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const manifest = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8')) as Record<
		string,
		unknown
	>;
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { 'n8n-nodes-crm-pack': manifest.version },
			},
			null,
			2,
		),
	);
	return userFolder;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the n8n CLI of a line (bounded by `timeoutMs`). */
export async function n8nCli(
	line: N8nLine,
	userFolder: string,
	args: string[],
	timeoutMs = 180_000,
): Promise<CliResult> {
	const bin = path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return await new Promise((resolve) => {
		const child = spawn(line.node, [bin, ...args], { env: n8nEnv(userFolder), cwd: userFolder });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? -1, stdout, stderr });
		});
	});
}

export interface CredentialSpec {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function importCredentials(
	line: N8nLine,
	userFolder: string,
	credentials: CredentialSpec[],
): Promise<void> {
	const file = path.join(userFolder, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials));
	const result = await n8nCli(line, userFolder, ['import:credentials', `--input=${file}`]);
	rmSync(file);
	if (result.code !== 0)
		throw new Error(`import:credentials failed: ${result.stderr || result.stdout}`);
}

export async function importWorkflow(
	line: N8nLine,
	userFolder: string,
	file: string,
): Promise<void> {
	const result = await n8nCli(line, userFolder, ['import:workflow', `--input=${file}`]);
	if (result.code !== 0)
		throw new Error(
			`import:workflow ${path.basename(file)} failed: ${result.stderr || result.stdout}`,
		);
}

/** n8n's `--rawOutput` JSON: the run data of the execution (after 2.x's log lines). */
export interface ExecutionOutput {
	ok: boolean;
	raw: string;
	data?: {
		data?: {
			resultData?: {
				error?: { message?: string; description?: string };
				runData?: Record<
					string,
					Array<{
						data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
						error?: { message?: string };
					}>
				>;
			};
		};
		resultData?: unknown;
	};
}

/** The end index (exclusive) of the JSON value opening at `start`, by brace depth. */
function balancedEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let k = start; k < text.length; k++) {
		const c = text[k];
		if (inString) {
			if (c === '\\') k++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return k + 1;
	}
	return -1;
}

/** The execution JSON n8n printed, between 2.x's log lines and any trailing text. */
export function parseRawOutput(stdout: string): unknown {
	for (let k = stdout.indexOf('{'); k >= 0; k = stdout.indexOf('{', k + 1)) {
		const end = balancedEnd(stdout, k);
		if (end < 0) continue;
		try {
			const value = JSON.parse(stdout.slice(k, end)) as Record<string, unknown>;
			if (value && typeof value === 'object' && ('data' in value || 'resultData' in value))
				return value;
		} catch {
			// not JSON: a log line with a brace
		}
	}
	return undefined;
}

export async function executeWorkflow(
	line: N8nLine,
	userFolder: string,
	id: string,
	timeoutMs?: number,
): Promise<CliResult & { json: unknown }> {
	const result = await n8nCli(
		line,
		userFolder,
		['execute', `--id=${id}`, '--rawOutput'],
		timeoutMs,
	);
	return { ...result, json: parseRawOutput(result.stdout) };
}

/** Items a node output in an execution's run data. */
export function nodeItems(json: unknown, nodeName: string): Array<Record<string, unknown>> {
	const runData = findRunData(json);
	const runs = runData?.[nodeName] ?? [];
	return runs.flatMap((r) => (r.data?.main?.[0] ?? []).map((i) => i.json));
}

export function findRunData(json: unknown):
	| Record<
			string,
			Array<{
				data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
				error?: { message?: string; description?: string };
			}>
	  >
	| undefined {
	const seen = new Set<unknown>();
	const walk = (value: unknown): ReturnType<typeof findRunData> => {
		if (!value || typeof value !== 'object' || seen.has(value)) return undefined;
		seen.add(value);
		const record = value as Record<string, unknown>;
		if (record.runData && typeof record.runData === 'object')
			return record.runData as ReturnType<typeof findRunData>;
		for (const child of Object.values(record)) {
			const found = walk(child);
			if (found) return found;
		}
		return undefined;
	};
	return walk(json);
}

/** Starts `n8n start` in the background (for the demo and the browser checks). */
export function startN8n(
	line: N8nLine,
	userFolder: string,
	port: number,
	brokerPort = port + 1000,
): ChildProcess {
	const bin = path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return spawn(line.node, [bin, 'start'], {
		env: n8nEnv(userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			// n8n 2.x's task broker listens on 5679 by default, as does every `n8n execute`: a
			// long-running n8n (demo, browser check, bench) takes its own port beside its main port
			// (tests pass a free one: test/lib/ports.ts)
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		}),
		cwd: userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

export function exists(file: string): boolean {
	return existsSync(file);
}
