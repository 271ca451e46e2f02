import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { allApis } from './apis';
import { FaultInjector, type FaultRule, type RandomFaults } from './faults';
import { RequestLog } from './requestLog';
import {
	isSimProfile,
	type Route,
	type SimApi,
	type SimProfile,
	type SimRequest,
	type SimResponse,
} from './types';

export interface SimulatorOptions {
	/** Port to listen on; 0 (default) picks a free one. */
	port?: number;
	/** Host to bind; always a loopback address. */
	host?: string;
	/** Latency added to every request, in milliseconds. */
	latencyMs?: number;
	/** Load the demo data on start (default true). */
	seed?: boolean;
	/**
	 * The profile of every API (`docs`, `live`, `classic`); default `classic` here, `live` in
	 * the CLI (`npm start`, benchmarks). Per API: `setProfile(profile, key)`.
	 */
	profile?: SimProfile;
}

interface CompiledRoute extends Route {
	api: SimApi;
	regex: RegExp;
	names: string[];
}

function compile(api: SimApi, route: Route): CompiledRoute {
	const names: string[] = [];
	const source = (api.prefix + route.path)
		.replace(/\/+$/, '')
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/:([A-Za-z_]+)/g, (_m, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
	return { ...route, api, regex: new RegExp(`^${source}/?$`), names };
}

function parseQuery(search: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of search.entries()) out[key] = value;
	return out;
}

export class Simulator {
	readonly faults = new FaultInjector();

	readonly log = new RequestLog();

	readonly apis: Record<string, SimApi>;

	latencyMs: number;

	/**
	 * A concurrency rate limit, as gateways enforce it: a request that arrives while more than
	 * `maxInFlight` requests are in flight (itself included) is answered 429 at once, with
	 * `Retry-After` when `retryAfterS` is set. Undefined (the default): no limit.
	 */
	rateLimit: { maxInFlight: number; retryAfterS?: number } | undefined;

	private server: http.Server | undefined;

	private readonly sockets = new Set<Socket>();

	private routes: CompiledRoute[];

	private origin = '';

	constructor(private readonly options: SimulatorOptions = {}) {
		this.latencyMs = options.latencyMs ?? 0;
		const apis = allApis();
		this.apis = Object.fromEntries(apis.map((api) => [api.key, api]));
		this.routes = apis.flatMap((api) => api.routes.map((route) => compile(api, route)));
		for (const api of apis) api.profile = options.profile ?? 'classic';
		for (const api of apis) api.reset(options.seed ?? true);
	}

	/** Switches one API (or every API) to a profile; records are kept. */
	setProfile(profile: SimProfile, key?: string): void {
		if (!isSimProfile(profile)) throw new Error(`Unknown simulator profile "${String(profile)}"`);
		const targets = key ? [this.apis[key]] : Object.values(this.apis);
		if (targets.some((api) => !api)) throw new Error(`No simulated API "${key}"`);
		for (const api of targets) api.profile = profile;
	}

	/** The profile of each API. */
	profiles(): Record<string, SimProfile> {
		return Object.fromEntries(Object.values(this.apis).map((api) => [api.key, api.profile]));
	}

	/** `http://127.0.0.1:PORT` once started. */
	get url(): string {
		return this.origin;
	}

	/** Base URL of one API, e.g. `baseUrl('crmcom')`. */
	baseUrl(key: string): string {
		const api = this.apis[key];
		if (!api) throw new Error(`No simulated API "${key}"`);
		return this.origin + api.prefix;
	}

	api<T extends SimApi>(key: string): T {
		return this.apis[key] as T;
	}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		const host = this.options.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			this.server?.once('error', reject);
			this.server?.listen(this.options.port ?? 0, host, () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.origin = `http://${host}:${port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
		this.server = undefined;
	}

	/** Injects faults into the next matching requests. */
	inject(...rules: FaultRule[]): void {
		this.faults.add(...rules);
	}

	setRandomFaults(random: RandomFaults | undefined, seed?: number): void {
		this.faults.setRandom(random, seed);
	}

	/** Clears faults and the log, and resets every API's store (re-seeding if asked). */
	reset(seed = this.options.seed ?? true): void {
		this.faults.clear();
		this.rateLimit = undefined;
		this.log.clear();
		for (const api of Object.values(this.apis)) api.reset(seed);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		this.log.inFlight++;
		this.log.maxInFlight = Math.max(this.log.maxInFlight, this.log.inFlight);
		res.on('close', () => this.log.inFlight--);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const parsedUrl = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = decodeURIComponent(parsedUrl.pathname);
		let body: unknown;
		if (rawBody) {
			try {
				body = JSON.parse(rawBody) as unknown;
			} catch {
				body = rawBody;
			}
		}
		const query = parseQuery(parsedUrl.searchParams);

		if (parsedUrl.pathname.startsWith('/_sim/')) {
			this.send(res, this.control(method, parsedUrl.pathname, body));
			return;
		}

		const entry = this.log.record({
			method,
			path: parsedUrl.pathname,
			url: req.url ?? '/',
			query,
			headers: req.headers,
			body,
			rawBody,
		});
		entry.inFlight = this.log.inFlight;
		if (this.rateLimit && this.log.inFlight > this.rateLimit.maxInFlight) {
			entry.status = 429;
			entry.fault = 'rateLimit';
			this.log.rateLimited++;
			const { retryAfterS } = this.rateLimit;
			this.send(res, {
				status: 429,
				body: { status: 429, message: 'Too many requests in flight' },
				headers: retryAfterS !== undefined ? { 'Retry-After': String(retryAfterS) } : undefined,
			});
			return;
		}
		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));

		const fault = this.faults.take(method, parsedUrl.pathname);
		if (fault) entry.fault = fault.kind;
		if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
		if (fault?.kind === 'resetBefore') {
			req.socket.destroy();
			return;
		}
		const retryAfter =
			fault?.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : undefined;
		const statusFaults: Record<string, number> = {
			status429: 429,
			status502: 502,
			status503: 503,
			status504: 504,
		};
		if (fault && statusFaults[fault.kind]) {
			const status = statusFaults[fault.kind];
			entry.status = status;
			this.send(res, { status, body: { status, message: 'Injected fault' }, headers: retryAfter });
			return;
		}

		const match = this.match(method, parsedUrl.pathname);
		if (!match) {
			entry.status = 404;
			this.send(res, {
				status: 404,
				body: { status: 404, message: `No route for ${method} ${path}` },
			});
			return;
		}
		if (fault?.kind === 'tokenExpired') {
			const expired = match.route.api.tokenExpiredResponse();
			entry.status = expired.status;
			this.send(res, expired);
			return;
		}
		const queryAll: Record<string, string[]> = {};
		for (const [key, value] of parsedUrl.searchParams.entries()) (queryAll[key] ??= []).push(value);
		const request: SimRequest = {
			method,
			path,
			params: match.params,
			queryAll,
			query,
			headers: req.headers,
			body,
			rawBody,
		};
		let response: SimResponse;
		try {
			response = await match.route.handler(request);
		} catch (error) {
			response = { status: 500, body: { status: 500, message: (error as Error).message } };
		}
		entry.status = response.status;
		if (fault?.kind === 'resetAfter') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'nonJson') {
			this.send(res, {
				status: 200,
				body: '<html><body>Gateway maintenance</body></html>',
				headers: { 'Content-Type': 'text/html' },
			});
			return;
		}
		this.send(res, response);
	}

	private match(
		method: string,
		pathname: string,
	): { route: CompiledRoute; params: Record<string, string> } | undefined {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const m = route.regex.exec(pathname);
			if (!m) continue;
			const params: Record<string, string> = {};
			route.names.forEach((name, k) => (params[name] = decodeURIComponent(m[k + 1])));
			return { route, params };
		}
		return undefined;
	}

	/** The control endpoint: `/_sim/faults`, `/_sim/random-faults`, `/_sim/log`, `/_sim/reset`, `/_sim/latency`, `/_sim/profile`. */
	private control(method: string, path: string, body: unknown): SimResponse {
		const input = (body ?? {}) as Record<string, unknown>;
		switch (`${method} ${path}`) {
			case 'POST /_sim/faults':
				this.inject(...((Array.isArray(body) ? body : [body]) as FaultRule[]));
				return { status: 200, body: { pending: this.faults.pending() } };
			case 'GET /_sim/faults':
				return { status: 200, body: { pending: this.faults.pending() } };
			case 'DELETE /_sim/faults':
				this.faults.clear();
				return { status: 200, body: { pending: [] } };
			case 'POST /_sim/random-faults':
				this.setRandomFaults(body ? (body as RandomFaults) : undefined, Number(input.seed ?? 1));
				return { status: 200, body: { ok: true } };
			case 'GET /_sim/log':
				return {
					status: 200,
					body: { requests: this.log.all(), maxInFlight: this.log.maxInFlight },
				};
			case 'DELETE /_sim/log':
				this.log.clear();
				return { status: 200, body: { ok: true } };
			case 'POST /_sim/reset':
				this.reset(input.seed !== false);
				return { status: 200, body: { ok: true } };
			case 'POST /_sim/latency':
				this.latencyMs = Number(input.latencyMs ?? 0);
				return { status: 200, body: { latencyMs: this.latencyMs } };
			case 'POST /_sim/profile': {
				const profile = input.profile;
				const key = typeof input.api === 'string' ? input.api : undefined;
				if (!isSimProfile(profile) || (key !== undefined && !this.apis[key])) {
					return {
						status: 400,
						body: { message: 'Send {"profile": "docs" | "live" | "classic", "api"?: key}' },
					};
				}
				this.setProfile(profile, key);
				return { status: 200, body: { profiles: this.profiles() } };
			}
			case 'GET /_sim/profile':
				return { status: 200, body: { profiles: this.profiles() } };
			case 'GET /_sim/health':
				return { status: 200, body: { ok: true, apis: Object.keys(this.apis) } };
			default: {
				const [, , key, ...rest] = path.split('/');
				const api = this.apis[key] as SimApi & {
					control?: (m: string, p: string, b: unknown) => SimResponse;
				};
				if (api?.control) return api.control(method, `/${rest.join('/')}`, body);
				return { status: 404, body: { message: `Unknown control ${method} ${path}` } };
			}
		}
	}

	private send(res: http.ServerResponse, response: SimResponse): void {
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload = '';
		if (response.body !== undefined) {
			if (typeof response.body === 'string') {
				payload = response.body;
				headers['Content-Type'] ??= 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(response.body);
				headers['Content-Type'] ??= 'application/json';
			}
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}

/** Starts a simulator on 127.0.0.1 (port 0 = any free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	return await new Simulator(options).start();
}
