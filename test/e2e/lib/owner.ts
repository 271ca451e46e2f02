/**
 * The n8n owner account, set up and PROVEN: every script and test that starts an n8n with a UI or
 * REST API (npm start, the e2e suite, the browser check, the scale test, the benchmark) goes
 * through `ensureOwner`, which only returns once the printed credentials log in through
 * `/rest/login` and that session lists the workflows.
 *
 * Why a loop and a proof: right after `/healthz` answers, n8n can answer `POST /rest/owner/setup`
 * with a success status before its REST routes are registered, so the owner is never created.
 * Setup is therefore repeated until a login works, or until a clear deadline passes (then the
 * error says what n8n last answered, never the password).
 */
import http from 'node:http';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** The demo's owner: printed by `npm start`, used by every n8n the tests start. */
export const DEMO_OWNER: OwnerAccount = {
	email: 'demo@crm-pack.dev',
	password: 'CrmPackDemo1!',
	firstName: 'Demo',
	lastName: 'User',
};

export interface WorkflowSummary {
	id: string;
	name: string;
	active?: boolean;
}

/** A logged-in session of the owner: its cookie, and REST calls made with it. */
export interface OwnerSession {
	baseUrl: string;
	cookie: string;
	/** The workflows the session listed when the login was proven. */
	workflows: WorkflowSummary[];
	/** How many setup/login rounds it took. */
	attempts: number;
	/** A REST call with the session cookie; JSON in and out, throws naming the path on non-2xx. */
	rest<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
	listWorkflows(): Promise<WorkflowSummary[]>;
}

export interface EnsureOwnerOptions {
	owner?: OwnerAccount;
	/** Give up after this long (default 3 minutes). */
	deadlineMs?: number;
	/** Pause between rounds. */
	pauseMs?: number;
	log?: (line: string) => void;
}

interface Answer {
	status: number;
	text: string;
	cookie?: string;
}

/**
 * One HTTP request on its own connection (no keep-alive: a reused connection that n8n closes
 * after its 5 s keep-alive timeout fails the next call on a busy machine), bounded by `timeoutMs`.
 */
async function send(
	url: string,
	method: string,
	body?: unknown,
	cookie?: string,
	timeoutMs = 15_000,
): Promise<Answer> {
	const data = body === undefined ? undefined : JSON.stringify(body);
	return await new Promise((resolve) => {
		const request = http.request(
			url,
			{
				method,
				agent: false,
				headers: {
					...(data === undefined
						? {}
						: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) }),
					// no browser-id header: the session cookie then also works in the browser check
					...(cookie ? { Cookie: cookie } : {}),
				},
				timeout: timeoutMs,
			},
			(reply) => {
				const chunks: Buffer[] = [];
				reply.on('data', (chunk: Buffer) => chunks.push(chunk));
				reply.on('error', (error) => resolve({ status: 0, text: error.message }));
				reply.on('end', () => {
					const setCookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).join('; ');
					resolve({
						status: reply.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
						cookie: /n8n-auth=[^;]+/.exec(setCookie)?.[0],
					});
				});
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		request.on('error', (error) => resolve({ status: 0, text: error.message }));
		request.end(data);
	});
}

/** `{ data: [...] }` (n8n 1.x/2.x) or a bare array: the workflows of a list answer. */
function workflowsOf(text: string): WorkflowSummary[] | undefined {
	try {
		const parsed = JSON.parse(text) as unknown;
		const list = Array.isArray(parsed)
			? parsed
			: ((parsed as { data?: unknown }).data ?? undefined);
		if (!Array.isArray(list)) return undefined;
		return (list as Array<Record<string, unknown>>).map((w) => ({
			id: String(w.id),
			name: String(w.name),
			active: typeof w.active === 'boolean' ? w.active : undefined,
		}));
	} catch {
		return undefined;
	}
}

function short(answer: Answer): string {
	return `${answer.status || 'no answer'} ${answer.text.replace(/\s+/g, ' ').slice(0, 160)}`;
}

/** Logs in with the account; the session, or the answer that refused it. */
async function logIn(
	baseUrl: string,
	owner: OwnerAccount,
): Promise<{ cookie?: string; answer: Answer }> {
	const answer = await send(`${baseUrl}/rest/login`, 'POST', {
		// n8n ≥ 1.100 reads emailOrLdapLoginId, older lines email
		emailOrLdapLoginId: owner.email,
		email: owner.email,
		password: owner.password,
	});
	return { cookie: answer.status === 200 ? answer.cookie : undefined, answer };
}

/**
 * Sets up the owner of a freshly started n8n (or finds it set up) and proves the account: a
 * login with exactly these credentials, then a workflow list with that session. Repeats the
 * setup until both work or `deadlineMs` passes.
 */
export async function ensureOwner(
	baseUrl: string,
	options: EnsureOwnerOptions = {},
): Promise<OwnerSession> {
	const owner = options.owner ?? DEMO_OWNER;
	const deadlineMs = options.deadlineMs ?? 180_000;
	const pauseMs = options.pauseMs ?? 1000;
	const until = Date.now() + deadlineMs;
	const base = baseUrl.replace(/\/$/, '');
	let last = { setup: 'not tried', login: 'not tried', list: 'not tried' };
	for (let attempt = 1; Date.now() < until; attempt++) {
		// a login that works needs no setup (the owner exists: a restart, or an earlier round)
		let login = await logIn(base, owner);
		if (!login.cookie) {
			const setup = await send(`${base}/rest/owner/setup`, 'POST', owner);
			last = { ...last, setup: short(setup) };
			login = await logIn(base, owner);
		}
		last = { ...last, login: short(login.answer) };
		if (login.cookie) {
			const listed = await send(`${base}/rest/workflows`, 'GET', undefined, login.cookie);
			last = { ...last, list: short(listed) };
			const workflows = listed.status === 200 ? workflowsOf(listed.text) : undefined;
			if (workflows) {
				if (attempt > 1) options.log?.(`owner account proven after ${attempt} rounds`);
				return session(base, login.cookie, workflows, attempt);
			}
		}
		await new Promise((r) => setTimeout(r, Math.max(0, Math.min(pauseMs, until - Date.now()))));
	}
	throw new Error(
		`n8n at ${base}: the owner ${owner.email} could not be set up and logged in within ${Math.round(deadlineMs / 1000)} s ` +
			`(last answers: owner setup ${last.setup}; login ${last.login}; workflow list ${last.list})`,
	);
}

function session(
	baseUrl: string,
	cookie: string,
	workflows: WorkflowSummary[],
	attempts: number,
): OwnerSession {
	const rest = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => {
		const answer = await send(`${baseUrl}${path}`, method, body, cookie, 180_000);
		if (answer.status < 200 || answer.status >= 300)
			throw new Error(`n8n ${method} ${path} answered ${short(answer)}`);
		return JSON.parse(answer.text) as T;
	};
	return {
		baseUrl,
		cookie,
		workflows,
		attempts,
		rest,
		async listWorkflows() {
			const answer = await send(`${baseUrl}/rest/workflows`, 'GET', undefined, cookie);
			const list = answer.status === 200 ? workflowsOf(answer.text) : undefined;
			if (!list) throw new Error(`n8n GET /rest/workflows answered ${short(answer)}`);
			return list;
		},
	};
}
