import { NodeApiError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
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
} from './retry';
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
 * Credential data refreshed by a profile's `refreshCredentials` (a new token), kept for the
 * rest of the run so that later requests do not each log in again.
 */
const refreshedCredentials = new WeakMap<object, Map<string, ICredentialDataDecryptedObject>>();

function rememberRefreshed(
	ctx: RequestContext,
	type: string,
	data: ICredentialDataDecryptedObject,
): void {
	let perContext = refreshedCredentials.get(ctx);
	if (!perContext) {
		perContext = new Map();
		refreshedCredentials.set(ctx, perContext);
	}
	perContext.set(type, data);
}

export async function credentialsOf(
	ctx: RequestContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	let perContext = credentialCache.get(ctx);
	if (!perContext) {
		perContext = new Map();
		credentialCache.set(ctx, perContext);
	}
	let entry = perContext.get(credentialType);
	if (!entry) {
		entry = ctx.getCredentials(credentialType);
		perContext.set(credentialType, entry);
		entry.catch(() => perContext?.delete(credentialType));
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
		return Redactor.fromCredentials(await credentialsOf(ctx, credentialType), profile.secretFields);
	} catch {
		return new Redactor([]);
	}
}

interface Attempt {
	reply?: CrmReply;
	failure: CrmFailure;
	/** The server may have processed the request (reply lost). */
	ambiguous: boolean;
	/** The request provably never reached the server. */
	unsent: boolean;
}

function parseBody(raw: unknown, profile: ApiProfile): { body: unknown; notJson: boolean } {
	if (typeof raw !== 'string') return { body: raw, notJson: false };
	const text = raw.trim();
	if (text === '') return { body: undefined, notJson: false };
	try {
		return { body: JSON.parse(text) as unknown, notJson: false };
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

/**
 * Sends one request through n8n's `httpRequestWithAuthentication`, with retries, backoff,
 * Retry-After, a time budget, CRM-specific failure detection and redacted errors.
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

	let url: string;
	try {
		const parsed = new URL(request.url);
		checkBaseUrl(`${parsed.protocol}//${parsed.host}`, 'Base URL');
		url = withQuery(request.url, request.qs);
	} catch (error) {
		throw asNodeError(node, error, redactor, request.itemIndex);
	}

	const started = clock.now();
	let credentialsOverride = refreshedCredentials.get(this)?.get(credentialType);
	let refreshed = false;
	/** An earlier attempt reached the service and its reply was lost: it may have been applied. */
	let maybeApplied = false;

	for (let attempt = 1; ; attempt++) {
		const httpOptions: IHttpRequestOptions = {
			method: request.method,
			url,
			headers: { ...(request.headers ?? {}) },
			timeout: options.timeoutMs,
			returnFullResponse: true,
			encoding: 'text',
			json: request.json ?? true,
		};
		if (request.body !== undefined) httpOptions.body = request.body as IDataObject;

		const outcome = await sendOnce.call(
			this,
			profile,
			credentialType,
			httpOptions,
			credentialsOverride,
		);
		if ('success' in outcome) return outcome.success as CrmReply<T>;
		const { failure } = outcome;

		if (failure.tokenExpired && !refreshed && profile.refreshCredentials) {
			refreshed = true;
			try {
				const current = credentialsOverride ?? (await credentialsOf(this, credentialType));
				credentialsOverride = await profile.refreshCredentials.call(this, { ...current });
				rememberRefreshed(this, credentialType, credentialsOverride);
				redactor = new Redactor([
					...profile.secretFields.map((field) => String(current[field] ?? '')),
					...profile.secretFields.map((field) => String(credentialsOverride?.[field] ?? '')),
				]);
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

		const delay = retryAfterMs ?? backoffDelay(attempt - 1, options, clock.random);
		const elapsed = clock.now() - started;
		if (outcome.ambiguous) maybeApplied = true;
		if (!retryable || attempt >= options.maxAttempts || elapsed + delay > options.retryBudgetMs) {
			if (maybeApplied && idempotent) {
				failure.hint =
					'An earlier attempt reached the service but its reply was lost: the change may or may not have been applied. Re-running this item is safe.';
				failure.description = [failure.description, 'Outcome unknown.'].filter(Boolean).join(' ');
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

/** An HTTP error reply, read the CRM's way. */
function failedReply(profile: ApiProfile, raw: CrmReply): Attempt {
	const { body } = parseBody(raw.body, { ...profile, expectJson: false });
	const reply = { ...raw, body };
	const failure = (profile.readError ?? defaultReadError)(reply);
	failure.httpCode ??= reply.statusCode;
	return { reply, failure, ambiguous: false, unsent: false };
}

async function sendOnce(
	this: RequestContext,
	profile: ApiProfile,
	credentialType: string,
	httpOptions: IHttpRequestOptions,
	credentialsOverride: ICredentialDataDecryptedObject | undefined,
): Promise<SendOutcome> {
	const extra = credentialsOverride
		? {
				credentialsDecrypted: { id: '', name: '', type: credentialType, data: credentialsOverride },
			}
		: undefined;
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
			!credentialsOverride
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
		if (errorReply) return failedReply(profile, errorReply);
		if (classifyNetworkError(error)) return networkAttempt(error);
		const message = error instanceof Error ? error.message : String(error);
		const description =
			error instanceof NodeApiError ? (error.description ?? undefined) : undefined;
		return { failure: { message, description }, ambiguous: false, unsent: false };
	}
	const { reply, notJson } = toReply(raw, profile);
	if (reply.statusCode >= 400) return failedReply(profile, reply);
	if (notJson) {
		return {
			reply,
			failure: {
				message: 'The service answered with a body that is not JSON',
				description: `Body starts with: ${String(reply.body).slice(0, 120)}`,
				retryable: true,
				httpCode: reply.statusCode,
			},
			// the request reached the service, which may have applied it: a create is not re-sent
			ambiguous: reply.statusCode < 300,
			unsent: false,
		};
	}
	const hidden = profile.failureInSuccess?.(reply);
	if (hidden) return { reply, failure: hidden, ambiguous: false, unsent: false };
	return { success: reply };
}
