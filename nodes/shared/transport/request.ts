import { createHash } from 'crypto';

import { NodeApiError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	IDataObject,
} from 'n8n-workflow';

import { Redactor } from '../redact';
import { clock } from './clock';
import {
	apiError,
	asNodeError,
	defaultReadError,
	normaliseHeaders,
	replyFromError,
} from './errors';
import {
	backoffDelay,
	classifyNetworkError,
	headerOf,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfter,
	retryAfterDelay,
} from './retry';
import { reportThrottle } from './adaptive';
import type {
	ApiProfile,
	CrmFailure,
	CrmReply,
	CrmRequest,
	RequestContext,
	RequestOptions,
} from './types';
import { DEFAULT_REQUEST_OPTIONS } from './types';
import { checkBaseUrl, withQuery } from './url';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Credentials read once per n8n context and type (reading them decrypts them). */
const credentialCache = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/**
 * Logins renewed by a profile's `refreshCredentials`, kept for the life of the n8n process and
 * shared by every request and execution using the same credential: one login at a time
 * (single flight), and a renewed token reused by later executions (n8n gives a node no way to
 * store it back into the credential). Keyed by a hash of the stored credential data, so a
 * changed credential never reuses another's token.
 */
interface LoginState {
	/** The credential data with the renewed token, once a login succeeded. */
	data?: ICredentialDataDecryptedObject;
	/** The login in flight, awaited by every request that needs it. */
	inflight?: Promise<ICredentialDataDecryptedObject>;
}
const logins = new Map<string, LoginState>();
const MAX_LOGINS_KEPT = 200;

function loginKey(credentialType: string, stored: ICredentialDataDecryptedObject): string {
	const stable = JSON.stringify(
		Object.keys(stored)
			.sort()
			.map((key) => [key, stored[key]]),
	);
	return `${credentialType}:${createHash('sha256').update(stable).digest('hex')}`;
}

function loginState(key: string): LoginState {
	let state = logins.get(key);
	if (!state) {
		if (logins.size >= MAX_LOGINS_KEPT) logins.delete(logins.keys().next().value as string);
		state = {};
		logins.set(key, state);
	}
	return state;
}

/** Forgets every renewed login (tests; a credential's data changing makes a new key anyway). */
export function forgetLogins(): void {
	logins.clear();
}

export async function credentialsOf(
	ctx: RequestContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	const perContext = memo(credentialCache, ctx, () => new Map());
	let entry = perContext.get(credentialType);
	if (!entry) {
		entry = ctx.getCredentials(credentialType);
		perContext.set(credentialType, entry);
		entry.catch(() => perContext.delete(credentialType));
	}
	return await entry;
}

/** The redactor for a credential in use: its secret fields and every form they take. */
export async function redactorFor(
	ctx: RequestContext,
	profile: ApiProfile,
	credentialType: string,
): Promise<Redactor> {
	try {
		const credentials = await credentialsOf(ctx, credentialType);
		// built once per credential object and profile (credentialsOf keeps one per execution):
		// a request that succeeds needs no redaction work of its own
		const perProfile = memo(redactors, credentials, () => new WeakMap<ApiProfile, Redactor>());
		return memo(perProfile, profile, () =>
			Redactor.fromCredentials(credentials, profile.secretFields),
		);
	} catch {
		return new Redactor([]);
	}
}

const redactors = new WeakMap<ICredentialDataDecryptedObject, WeakMap<ApiProfile, Redactor>>();

/** The value a (weak) map holds for a key, made and kept on first use. */
function memo<K extends object, V>(
	map: Pick<WeakMap<K, V>, 'get' | 'set'>,
	key: K,
	make: () => V,
): V {
	let value = map.get(key);
	if (value === undefined) {
		value = make();
		map.set(key, value);
	}
	return value;
}

interface Attempt {
	reply?: CrmReply;
	failure: CrmFailure;
	/** The server may have processed the request (reply lost). */
	ambiguous: boolean;
	/** The request provably never reached the server. */
	unsent: boolean;
	/** n8n failed before sending (e.g. its login for the credential): nothing reached the CRM. */
	notSent?: boolean;
}

function parseBody(raw: unknown, profile: ApiProfile): { body: unknown; notJson: boolean } {
	if (typeof raw !== 'string') return { body: raw, notJson: false };
	// JSON.parse skips surrounding whitespace itself: no trimmed copy of a large reply is made
	if (/^\s*$/.test(raw)) return { body: undefined, notJson: false };
	try {
		return { body: JSON.parse(raw) as unknown, notJson: false };
	} catch {
		return { body: raw, notJson: profile.expectJson };
	}
}

function toReply(raw: unknown, profile: ApiProfile): { reply: CrmReply; notJson: boolean } {
	const full = raw as { statusCode?: number; headers?: unknown; body?: unknown };
	const { body, notJson } = parseBody(full.body, profile);
	return {
		reply: { statusCode: full.statusCode ?? 200, headers: normaliseHeaders(full.headers), body },
		notJson,
	};
}

/** Re-logins one call may go through (each is not a retry): an expiring token is absorbed. */
const MAX_RELOGINS = 3;

/** Attempts of one login (a login call may meet a transient failure too). */
const LOGIN_ATTEMPTS = 3;

/** Methods that only read: a 404 after a lost reply is a real "not found". */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Statuses after which a request may have reached the service and been applied. */
const GATEWAY_STATUS = new Set([502, 504]);

/** Is this request a deletion (DELETE, or an API's `.../delete` action)? */
function isDeletion(request: CrmRequest, method: string): boolean {
	if (request.deletion !== undefined) return request.deletion;
	if (method === 'DELETE') return true;
	try {
		return /\/delete\/?$/i.test(new URL(request.url).pathname);
	} catch {
		return false;
	}
}

/**
 * Sends one request through n8n's `httpRequestWithAuthentication`, with retries, backoff,
 * Retry-After (jittered and capped), deadlines for each attempt and for the whole call, one
 * shared re-login when a token expired, no redirect followed, CRM-specific failure detection
 * and redacted errors.
 */
export async function crmRequest<T = unknown>(
	this: RequestContext,
	profile: ApiProfile,
	credentialType: string,
	request: CrmRequest,
	userOptions: Partial<RequestOptions> = {},
): Promise<CrmReply<T>> {
	const options: RequestOptions = {
		...DEFAULT_REQUEST_OPTIONS,
		...userOptions,
		...request.options,
	};
	let redactor = await redactorFor(this, profile, credentialType);
	const node = this.getNode();
	const method = request.method.toUpperCase();
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(method);
	const deletion = isDeletion(request, method);

	let url: string;
	try {
		const parsed = new URL(request.url);
		checkBaseUrl(`${parsed.protocol}//${parsed.host}`, 'Base URL');
		url = withQuery(request.url, request.qs);
	} catch (error) {
		throw asNodeError(node, error, redactor, request.itemIndex);
	}

	// a profile logs in again for its credential types that have a login (all, or those n8n
	// renews on 401)
	const renewable =
		profile.refreshCredentials !== undefined &&
		(profile.renewOn401 === undefined || profile.renewOn401.includes(credentialType));
	let login: LoginState | undefined;
	if (renewable) {
		try {
			login = loginState(loginKey(credentialType, await credentialsOf(this, credentialType)));
		} catch {
			login = undefined;
		}
	}

	const started = clock.now();
	/** Logins this call caused or waited for: a token may expire again right after one. */
	let relogins = 0;
	/** An earlier attempt reached the service and its reply was lost: it may have been applied. */
	let maybeApplied = false;
	/** The status of the gateway failure that made the outcome unknown, if any. */
	let unknownSince: number | undefined;

	for (let attempt = 1; ; attempt++) {
		if (login?.inflight) {
			try {
				await login.inflight;
			} catch {
				// the request that started the login reports its failure; this one tries as it is
			}
		}
		const credentialsOverride = login?.data;
		if (credentialsOverride) redactor = redactor.with(secretsOf(profile, credentialsOverride));
		const remainingMs = options.retryBudgetMs - (clock.now() - started);
		const attemptMs = Math.max(1, Math.min(options.timeoutMs, remainingMs));
		const httpOptions: IHttpRequestOptions = {
			method: request.method,
			url,
			headers: { ...(request.headers ?? {}) },
			timeout: attemptMs,
			returnFullResponse: true,
			encoding: 'text',
			json: request.json ?? true,
			// a redirect is refused below: credentials never travel to another URL
			disableFollowRedirect: true,
		};
		if (request.body !== undefined) httpOptions.body = request.body as IDataObject;

		const sentAt = clock.now();
		const outcome = await sendOnce.call(
			this,
			profile,
			credentialType,
			httpOptions,
			credentialsOverride,
			attemptMs,
			redactor,
		);
		if ('success' in outcome) return outcome.success as CrmReply<T>;
		const { failure } = outcome;
		const throttledStatus = outcome.reply?.statusCode;
		// the adaptive width of the job this request belongs to narrows (adaptive.ts)
		if (throttledStatus === 429 || throttledStatus === 503) reportThrottle(this, sentAt);

		const expired =
			failure.tokenExpired === true ||
			// n8n's own login for the credential failed: log in the node's way (retried, shared)
			(renewable && outcome.notSent === true && !credentialsOverride) ||
			(renewable &&
				outcome.reply?.statusCode === 401 &&
				profile.renewOn401?.includes(credentialType) === true);
		if (expired && relogins < MAX_RELOGINS && renewable && login) {
			relogins++;
			try {
				await renewLogin.call(this, profile, credentialType, login, credentialsOverride);
			} catch (error) {
				throw asNodeError(node, error, redactor, request.itemIndex);
			}
			attempt--; // a re-login is not a retry
			continue;
		}

		const retryAfterMs = outcome.reply
			? parseRetryAfter(headerOf(outcome.reply, 'retry-after'), clock.now())
			: undefined;
		let retryable: boolean;
		if (outcome.unsent || outcome.ambiguous) {
			retryable = isRetryableNetworkError(outcome.unsent ? 'unsent' : 'ambiguous', idempotent);
		} else if (outcome.reply && outcome.reply.statusCode >= 400) {
			retryable =
				isRetryableStatus(outcome.reply.statusCode, idempotent, retryAfterMs !== undefined) ||
				(failure.retryable === true && idempotent);
		} else {
			retryable = failure.retryable === true && idempotent;
		}
		if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) {
			retryable = false;
			failure.description = [
				failure.description,
				`The service asked to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), longer than the ${Math.round(options.maxRetryAfterMs / 1000)} s this node waits.`,
			]
				.filter(Boolean)
				.join(' ');
		}

		const delay =
			retryAfterMs !== undefined
				? retryAfterDelay(retryAfterMs, options, clock.random)
				: backoffDelay(attempt - 1, options, clock.random);
		const elapsed = clock.now() - started;
		if (outcome.ambiguous) {
			maybeApplied = true;
			unknownSince ??= 0;
		}
		const status = outcome.reply?.statusCode;
		if (
			status !== undefined &&
			GATEWAY_STATUS.has(status) &&
			(deletion || !READ_METHODS.has(method))
		) {
			// a gateway failed between us and the service: the service may have applied the write
			maybeApplied = true;
			unknownSince = status;
		}
		if (!retryable || attempt >= options.maxAttempts || elapsed + delay >= options.retryBudgetMs) {
			const goneNow = status === 404 || status === 410 || failure.httpCode === 404;
			if (maybeApplied && idempotent && deletion && goneNow && attempt > 1) {
				failure.message = `Outcome unknown: ${failure.message}`;
				failure.hint =
					'An earlier attempt may have deleted the record before its reply was lost; it is gone now. Check the CRM if this matters.';
				failure.description = [failure.description, 'Outcome unknown.'].filter(Boolean).join(' ');
				failure.httpCode = unknownSince || undefined;
			} else if (maybeApplied && idempotent && !READ_METHODS.has(method)) {
				failure.hint =
					'An earlier attempt reached the service but its reply was lost: the change may or may not have been applied. Re-running this item is safe.';
				failure.description = [failure.description, 'Outcome unknown.'].filter(Boolean).join(' ');
			} else if (maybeApplied && idempotent) {
				failure.hint =
					'An earlier attempt reached the service but its reply was lost. Re-running this item is safe.';
			} else if (outcome.ambiguous && !idempotent) {
				failure.hint =
					'The connection failed after the request was sent: the record may or may not have been written. It was not sent again, to avoid a duplicate; check the CRM before re-running this item.';
				failure.description = [failure.description, 'Outcome unknown.'].filter(Boolean).join(' ');
			}
			throw apiError(node, profile.displayName, failure, redactor, request.itemIndex, attempt);
		}
		await clock.sleep(delay);
	}
}

/** The secret values of credential data, for a redactor. */
function secretsOf(profile: ApiProfile, data: ICredentialDataDecryptedObject): string[] {
	return profile.secretFields
		.map((field) => data[field])
		.filter((value): value is string => typeof value === 'string');
}

/**
 * Logs in again, once for every request waiting: when another request already renewed the
 * token after `used` was sent, or is renewing it now, its result is taken instead.
 */
async function renewLogin(
	this: RequestContext,
	profile: ApiProfile,
	credentialType: string,
	login: LoginState,
	used: ICredentialDataDecryptedObject | undefined,
): Promise<ICredentialDataDecryptedObject> {
	if (login.inflight) return await login.inflight;
	if (login.data && login.data !== used) return login.data;
	const refresh = profile.refreshCredentials;
	if (!refresh) throw new Error('This credential cannot log in again');
	const current = used ?? (await credentialsOf(this, credentialType));
	const inflight = (async () => {
		let lastError: unknown;
		for (let attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
			if (attempt > 1)
				await clock.sleep(backoffDelay(attempt - 2, DEFAULT_REQUEST_OPTIONS, clock.random));
			try {
				return await refresh.call(this, { ...current });
			} catch (error) {
				lastError = error;
			}
		}
		throw asNodeError(this.getNode(), lastError, new Redactor(secretsOf(profile, current)));
	})();
	login.inflight = inflight;
	try {
		login.data = await inflight;
		return login.data;
	} finally {
		if (login.inflight === inflight) login.inflight = undefined;
	}
}

type SendOutcome = { success: CrmReply } | Attempt;

/** A network failure: retryable, and whether the server may have processed the request. */
function networkAttempt(error: unknown): Attempt {
	const kind = classifyNetworkError(error);
	const message = error instanceof Error ? error.message : String(error);
	return {
		failure: { message: `Network error: ${message}`, retryable: true },
		ambiguous: kind === 'ambiguous',
		unsent: kind === 'unsent',
	};
}

/** An attempt that ran past its deadline: the request may have been processed. */
function deadlineAttempt(ms: number): Attempt {
	return {
		failure: {
			message: `Network error: timeout, no complete reply within ${ms} ms`,
			retryable: true,
		},
		ambiguous: true,
		unsent: false,
	};
}

/** An HTTP error reply, read the CRM's way. */
function failedReply(profile: ApiProfile, raw: CrmReply, redactor: Redactor): Attempt {
	const { body } = parseBody(raw.body, { ...profile, expectJson: false });
	const reply = { ...raw, body: redactor.value(body) };
	const failure = (profile.readError ?? defaultReadError)(reply);
	failure.httpCode ??= reply.statusCode;
	return { reply, failure, ambiguous: false, unsent: false };
}

/** A redirect is refused: following it would take the credentials (header, path, body) along. */
function redirectAttempt(reply: CrmReply, from: string): Attempt {
	let target = 'another address';
	const location = headerOf(reply, 'location');
	if (location) {
		try {
			const to = new URL(location, from);
			// the origin only: a path or query may carry a key
			target = `${to.protocol}//${to.host}`;
		} catch {
			target = 'an unreadable address';
		}
	}
	return {
		reply,
		failure: {
			message: `The service answered with a redirect (HTTP ${reply.statusCode}) to ${target}, which is not followed`,
			description:
				'Redirects are refused so that no credential (header, key in the path, token in the query or body) is ever sent to another address or over plain http.',
			hint: 'Set the credential to the address the service redirects to (https).',
			httpCode: reply.statusCode,
		},
		ambiguous: false,
		unsent: false,
	};
}

function isRedirect(reply: CrmReply): boolean {
	return (
		reply.statusCode >= 300 &&
		reply.statusCode < 400 &&
		reply.statusCode !== 304 &&
		(reply.statusCode !== 300 || headerOf(reply, 'location') !== undefined)
	);
}

/**
 * The context n8n's helper is called on: its execution-cancel signal (which n8n puts on every
 * request, replacing any other) also fires at the attempt's deadline, so the socket is closed.
 */
function withDeadlineSignal(ctx: RequestContext, signal: AbortSignal): RequestContext {
	const own = ctx as RequestContext & { getExecutionCancelSignal?: () => AbortSignal | undefined };
	if (typeof own.getExecutionCancelSignal !== 'function') return ctx;
	const cancel = own.getExecutionCancelSignal();
	const combined = cancel ? AbortSignal.any([cancel, signal]) : signal;
	return Object.create(ctx, {
		getExecutionCancelSignal: { value: () => combined },
	}) as RequestContext;
}

/** Runs `send` until it settles or `ms` have passed, whichever comes first. */
async function withDeadline<R>(
	ms: number,
	send: (signal: AbortSignal) => Promise<R>,
): Promise<{ value: R } | { timedOut: true }> {
	const signal = AbortSignal.timeout(ms);
	let onAbort: (() => void) | undefined;
	const timedOut = new Promise<{ timedOut: true }>((resolve) => {
		onAbort = () => resolve({ timedOut: true });
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([send(signal).then((value) => ({ value })), timedOut]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

async function sendOnce(
	this: RequestContext,
	profile: ApiProfile,
	credentialType: string,
	httpOptions: IHttpRequestOptions,
	credentialsOverride: ICredentialDataDecryptedObject | undefined,
	deadlineMs: number,
	redactor: Redactor,
): Promise<SendOutcome> {
	const extra = credentialsOverride
		? {
				credentialsDecrypted: { id: '', name: '', type: credentialType, data: credentialsOverride },
			}
		: undefined;
	const result = await withDeadline(deadlineMs, async (signal) => {
		const ctx = withDeadlineSignal(this, signal);
		if (ctx === this) httpOptions.abortSignal = signal;
		return await exchange.call(ctx, profile, credentialType, httpOptions, extra);
	});
	if ('timedOut' in result) return deadlineAttempt(deadlineMs);
	const raw = result.value;
	if ('failure' in raw) return raw;
	const { reply, notJson } = toReply(raw.raw, profile);
	if (isRedirect(reply)) return redirectAttempt(reply, String(httpOptions.url));
	// secrets are removed from a failed reply before any reader cuts it short
	if (reply.statusCode >= 400) return failedReply(profile, reply, redactor);
	if (notJson) {
		return {
			reply,
			failure: {
				message: 'The service answered with a body that is not JSON',
				description: `Body starts with: ${redactor.text(String(reply.body)).slice(0, 120)}`,
				retryable: true,
				httpCode: reply.statusCode,
			},
			// the request reached the service, which may have applied it: a create is not re-sent
			ambiguous: reply.statusCode < 300,
			unsent: false,
		};
	}
	if (profile.failureInSuccess?.(reply)) {
		const safe = { ...reply, body: redactor.value(reply.body) };
		const hidden = profile.failureInSuccess(safe) ?? { message: 'The service reported a failure' };
		return { reply, failure: hidden, ambiguous: false, unsent: false };
	}
	return { success: reply };
}

/** One HTTP exchange through n8n: the raw reply, or the failure of a request that got none. */
async function exchange(
	this: RequestContext,
	profile: ApiProfile,
	credentialType: string,
	httpOptions: IHttpRequestOptions,
	extra: { credentialsDecrypted: ICredentialsDecrypted } | undefined,
): Promise<{ raw: unknown } | Attempt> {
	let raw: unknown;
	try {
		// every HTTP status comes back as a reply (n8n 1.x drops the headers and body of an
		// HTTP error it throws); only network failures throw
		raw = await this.helpers.httpRequestWithAuthentication.call(
			this,
			credentialType,
			{ ...httpOptions, ignoreHttpStatusErrors: true },
			extra,
		);
		if (
			(raw as { statusCode?: number }).statusCode === 401 &&
			profile.renewOn401?.includes(credentialType) &&
			!profile.refreshCredentials &&
			!extra
		) {
			// let n8n renew the login token (preAuthentication) and repeat the request once
			try {
				raw = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					...httpOptions,
				});
			} catch (renewError) {
				// n8n 2.x keeps the reply of a failed repeat; otherwise report the original 401
				const renewed = replyFromError(renewError);
				if (renewed) raw = renewed;
				else if (classifyNetworkError(renewError)) return networkAttempt(renewError);
			}
		}
	} catch (error) {
		const errorReply = replyFromError(error);
		if (errorReply) return { raw: errorReply };
		if (classifyNetworkError(error)) return networkAttempt(error);
		const message = error instanceof Error ? error.message : String(error);
		const description =
			error instanceof NodeApiError ? (error.description ?? undefined) : undefined;
		return { failure: { message, description }, ambiguous: false, unsent: false, notSent: true };
	}
	return { raw };
}
