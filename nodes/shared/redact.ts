import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const REDACTED = '[redacted]';

/** Shortest value treated as a secret: shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Patterns that carry a secret whatever the credential: bearer tokens, basic auth,
 * and well-known secret query parameters or JSON fields.
 */
const GENERIC_PATTERNS: Array<[RegExp, string]> = [
	// any JWT (header.payload.signature, base64url): login-issued tokens are not in the stored credential
	[/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
	[/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${REDACTED}`],
	[/(Basic\s+)[A-Za-z0-9+/]+=*/gi, `$1${REDACTED}`],
	[
		/([?&](?:token|api_key|apikey|access_token|refresh_token|password|secret)=)[^&#\s"']*/gi,
		`$1${REDACTED}`,
	],
	[
		/("(?:token|api_key|apiKey|access_token|refresh_token|password|secret|jwt)"\s*:\s*")[^"]*(")/gi,
		`$1${REDACTED}$2`,
	],
];

/** Every form a secret may take once it is put in a URL, a header or a body. */
function variantsOf(secret: string): string[] {
	const variants = new Set<string>([secret]);
	try {
		variants.add(encodeURIComponent(secret));
		variants.add(encodeURI(secret));
	} catch {
		// a lone surrogate cannot be URI-encoded; the raw form is still covered
	}
	variants.add(Buffer.from(secret, 'utf8').toString('base64'));
	variants.add(JSON.stringify(secret).slice(1, -1));
	return [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH);
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from text and objects before they reach an error, an output item or a log.
 * Built once per credential: `redactor.text(s)` and `redactor.value(obj)`.
 */
export class Redactor {
	private readonly pattern: RegExp | undefined;

	constructor(secrets: Array<string | undefined | null>) {
		const all = new Set<string>();
		for (const secret of secrets) {
			if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
			for (const variant of variantsOf(secret)) all.add(variant);
		}
		// longest first, so that a secret containing another one is removed whole
		const sorted = [...all].sort((a, b) => b.length - a.length).map(escapeRegExp);
		this.pattern = sorted.length ? new RegExp(sorted.join('|'), 'g') : undefined;
	}

	static fromCredentials(
		credentials: ICredentialDataDecryptedObject | undefined,
		secretFields: readonly string[],
	): Redactor {
		const values = secretFields.map((field) => {
			const value = credentials?.[field];
			return typeof value === 'string' ? value : undefined;
		});
		return new Redactor(values);
	}

	text(input: string): string {
		let out = this.pattern ? input.replace(this.pattern, REDACTED) : input;
		for (const [pattern, replacement] of GENERIC_PATTERNS) out = out.replace(pattern, replacement);
		return out;
	}

	/** Deep copy of `input` with every string redacted; cycles are cut. */
	value<T>(input: T, seen = new WeakSet<object>()): T {
		if (typeof input === 'string') return this.text(input) as T;
		if (input === null || typeof input !== 'object') return input;
		if (seen.has(input as object)) return '[circular]' as T;
		seen.add(input as object);
		if (Array.isArray(input)) return input.map((entry) => this.value(entry, seen)) as T;
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(input as Record<string, unknown>)) {
			out[this.text(key)] = this.value(entry, seen);
		}
		return out as T;
	}

	/** Redacts an error in place: message, description, context and cause. */
	error<E extends Error>(error: E): E {
		const target = error as E & {
			description?: unknown;
			context?: Record<string, unknown>;
			cause?: unknown;
			stack?: string;
		};
		target.message = this.text(target.message ?? '');
		if (typeof target.description === 'string') target.description = this.text(target.description);
		if (target.context && typeof target.context === 'object') {
			for (const key of Object.keys(target.context)) {
				target.context[key] = this.value(target.context[key]);
			}
		}
		if (typeof target.stack === 'string') target.stack = this.text(target.stack);
		if (target.cause !== undefined) {
			// the cause holds raw request options (URL, headers with keys): keep only a safe summary
			target.cause = this.value(summariseCause(target.cause));
		}
		return error;
	}
}

function summariseCause(cause: unknown): unknown {
	if (cause instanceof Error) {
		const withCode = cause as Error & { code?: unknown };
		return { name: cause.name, message: cause.message, code: withCode.code };
	}
	return typeof cause === 'object' ? {} : cause;
}
