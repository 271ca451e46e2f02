import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	ICredentialDataDecryptedObject,
} from 'n8n-workflow';

/** Every n8n context that may send a request through the shared layer. */
export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

export type QueryValue = string | number | boolean | Array<string | number | boolean>;

/** What a CRM's transport asks the shared layer to send. */
export interface CrmRequest {
	method: IHttpRequestMethods;
	/** Absolute URL, built by the CRM's transport from the credential's base URL. */
	url: string;
	qs?: Record<string, QueryValue | undefined>;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/**
	 * May this request be sent again after an ambiguous failure (timeout, reset mid-reply)?
	 * Defaults to true for GET, HEAD, PUT and DELETE, false for POST and PATCH.
	 */
	idempotent?: boolean;
	/** Serialise `body` as JSON (default) or send it as it is. */
	json?: boolean;
	/**
	 * Does this request delete a record? Defaults to true for DELETE and for a URL ending in
	 * `/delete`: a "not found" after an attempt whose reply was lost is then "outcome unknown".
	 */
	deletion?: boolean;
	/** Item this request belongs to, for error context. */
	itemIndex?: number;
	/** Per-request override of the user's options. */
	options?: Partial<RequestOptions>;
}

/** The raw reply, once the status line and the body are in hand. */
export interface CrmReply<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
}

/** A user's request options (the node's Options collection), with defaults applied. */
export interface RequestOptions {
	/** Milliseconds one attempt may take, from sending to the last byte of the reply. */
	timeoutMs: number;
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** Milliseconds all attempts and waits of one request may take together (a deadline). */
	retryBudgetMs: number;
	/** First backoff step in milliseconds (doubles per attempt, full jitter). */
	baseDelayMs: number;
	/** Longest single wait between attempts. */
	maxDelayMs: number;
	/** Longest Retry-After the node waits; a longer one ends the call with the error. */
	maxRetryAfterMs: number;
}

export const DEFAULT_REQUEST_OPTIONS: RequestOptions = {
	timeoutMs: 30_000,
	maxAttempts: 5,
	retryBudgetMs: 120_000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 60_000,
};

/** How a CRM's failure reads, once recognised. */
export interface CrmFailure {
	/** The CRM's own message, shown as the error's message. */
	message: string;
	/** More detail (field errors, codes). */
	description?: string;
	/** HTTP status, or the status the failure stands for when it came inside a 200. */
	httpCode?: number;
	/** Retrying may help (e.g. a 200 whose body is not JSON, a 503). */
	retryable?: boolean;
	/** The credential's token is no longer valid: log in again, then retry once. */
	tokenExpired?: boolean;
	/** Hint for the user about what to do. */
	hint?: string;
}

/**
 * What a CRM plugs into the shared layer: how its replies signal failure and how its
 * error bodies read, which credential fields are secret, and how to get a fresh token.
 */
export interface ApiProfile {
	/** Human name used in messages, e.g. "CRM.COM". */
	displayName: string;
	/** Credential fields whose values must never be shown. */
	secretFields: readonly string[];
	/** Expect JSON bodies: a 2xx whose body is not JSON is a (retryable) failure. */
	expectJson: boolean;
	/**
	 * Recognises a failure hidden in a 2xx reply (`result: false`, `status.code != OK`,
	 * an expired-token message). Returns undefined when the reply is a success.
	 */
	failureInSuccess?(reply: CrmReply): CrmFailure | undefined;
	/** Reads an error reply (4xx/5xx) into the CRM's own message. */
	readError?(reply: CrmReply): CrmFailure;
	/**
	 * Credential types whose login token n8n renews (`preAuthentication` with an expirable
	 * field): on a 401 the request is handed to n8n once more, which logs in again and repeats it.
	 */
	renewOn401?: readonly string[];
	/**
	 * Logs in again when a reply says the token expired; returns the credential data to use
	 * for the retry. Credentials with a `preAuthentication` hook get this from n8n on 401.
	 */
	refreshCredentials?(
		this: RequestContext,
		credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject>;
}
