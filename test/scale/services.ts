import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { waitFor } from '../lib/waiting';

const run = promisify(execFile);

import { freePort } from '../lib/ports';

export { freePort };

/** Debian's PostgreSQL server binaries (`apt-get install postgresql`). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
		: [];
	if (!versions.length)
		throw new Error('PostgreSQL server not found: apt-get install postgresql (.ci/run does)');
	return path.join(root, versions.sort().pop() ?? '', 'bin');
}

export interface Postgres {
	port: number;
	psql(sql: string): Promise<string>;
	stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster in a temporary folder, owned by the `postgres` user (initdb
 * refuses root), listening on 127.0.0.1 only, trust authentication. Stopped and removed by `stop`.
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const port = await freePort();
	const base = mkdtempSync(path.join(tmpdir(), 'crm-pack-pg-'));
	chmodSync(base, 0o755);
	const data = path.join(base, 'data');
	mkdirSync(data);
	const asPostgres = async (command: string, args: string[]) => {
		const root = process.getuid?.() === 0;
		if (root) await run('chown', ['-R', 'postgres:postgres', base]);
		return root
			? await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: base })
			: await run(command, args, { cwd: base });
	};
	await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres']);
	await asPostgres(path.join(bin, 'pg_ctl'), [
		'-D',
		data,
		'-l',
		path.join(base, 'postgres.log'),
		'-w',
		'-o',
		`-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c max_connections=200`,
		'start',
	]);
	const psqlOn = async (database: string, sql: string) =>
		(
			await run('psql', [
				...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
				...['-d', database, '-At', '-c', sql],
			])
		).stdout.trim();
	const psql = async (sql: string) => await psqlOn('n8n', sql);
	await psqlOn('postgres', 'CREATE DATABASE n8n');
	return {
		port,
		psql,
		async stop() {
			try {
				await asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(base, { recursive: true, force: true });
			}
		},
	};
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

/** Debian's `redis-server` on a loopback port, nothing persisted, owned by the test. */
export async function startRedis(): Promise<Redis> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	await waitFor(
		'redis-server to listen',
		async () =>
			await new Promise<boolean>((resolve) => {
				const socket = net.connect(port, '127.0.0.1', () => {
					socket.end();
					resolve(true);
				});
				socket.on('error', () => resolve(false));
			}),
		20_000,
		200,
	);
	return {
		port,
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
		},
	};
}
