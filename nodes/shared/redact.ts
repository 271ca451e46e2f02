import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const REDACTED = '[redacted]';

/**
 * Length of the pieces a long secret is cut into: no run of this many characters of any form
 * of a secret is ever shown, wherever a message was cut.
 */
export const PIECE_LENGTH = 8;

/** Below this length a secret is removed only where it stands alone (not inside a word). */
const WHOLE_WORD_BELOW = 4;

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

/** The URL encoding of axios's query serializer (n8n's client): `encodeURIComponent`, a few kept. */
function axiosEncode(value: string): string {
	return encodeURIComponent(value)
		.replace(/%3A/gi, ':')
		.replace(/%24/g, '$')
		.replace(/%2C/gi, ',')
		.replace(/%20/g, '+')
		.replace(/%5B/gi, '[')
		.replace(/%5D/gi, ']');
}

/**
 * The base64 forms of a secret: alone, and the characters that depend on it alone when it is
 * encoded after 1 or 2 other bytes (e.g. `user:secret` in Basic auth).
 */
function base64Forms(secret: string): string[] {
	const out: string[] = [];
	for (const prefix of ['', '\0', '\0\0']) {
		const full = Buffer.from(prefix + secret, 'utf8').toString('base64');
		const start = prefix ? 4 : 0;
		out.push(full.slice(start), full.slice(start, Math.max(start, full.length - 4)));
		out.push(full.slice(start).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
	}
	return out;
}

/** Every form a secret may take once it is put in a URL, a header or a body. */
function variantsOf(secret: string): string[] {
	const variants = new Set<string>();
	for (const form of new Set([secret, secret.trim()])) {
		variants.add(form);
		try {
			const component = encodeURIComponent(form);
			variants.add(component);
			variants.add(component.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
			variants.add(component.replace(/%20/g, '+'));
			variants.add(encodeURI(form));
			variants.add(axiosEncode(form));
		} catch {
			// a lone surrogate cannot be URI-encoded; the raw form is still covered
		}
		for (const encoded of base64Forms(form)) variants.add(encoded);
		variants.add(JSON.stringify(form).slice(1, -1));
		variants.add(JSON.stringify(JSON.stringify(form).slice(1, -1)).slice(1, -1));
	}
	// Stryker disable next-line MethodExpression: equivalent, the constructor skips blank forms too
	return [...variants].filter((v) => v.length > 0);
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from text and objects before they reach an error, an output item or a log.
 * Built once per credential: `redactor.text(s)` and `redactor.value(obj)`.
 */
export class Redactor {
	/** Every PIECE_LENGTH-character piece of every form of every long secret. */
	private readonly pieces = new Set<string>();

	/** Forms shorter than PIECE_LENGTH, removed whole. */
	private readonly shortPattern: RegExp | undefined;

	/** Every secret as given, for `with` and for values equal to a secret. */
	private readonly secrets: string[];

	constructor(secrets: Array<string | undefined | null>) {
		this.secrets = secrets.filter(
			(secret): secret is string => typeof secret === 'string' && secret.trim() !== '',
		);
		const short = new Set<string>();
		for (const secret of this.secrets) {
			for (const variant of variantsOf(secret)) {
				if (variant.length >= PIECE_LENGTH) {
					// Stryker disable next-line ArithmeticOperator: equivalent, "i - PIECE_LENGTH" only adds shorter slices, which no PIECE_LENGTH window of a text can equal
					for (let i = 0; i + PIECE_LENGTH <= variant.length; i++)
						this.pieces.add(variant.slice(i, i + PIECE_LENGTH));
				} else if (variant.trim() !== '') {
					short.add(variant);
				}
			}
		}
		// longest first, so that a secret containing another one is removed whole; a secret
		// under WHOLE_WORD_BELOW characters only where no letter or digit touches it
		const alternatives = [...short]
			.sort((a, b) => b.length - a.length)
			.map((form) =>
				form.length < WHOLE_WORD_BELOW
					? `(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`
					: escapeRegExp(form),
			);
		this.shortPattern = alternatives.length ? new RegExp(alternatives.join('|'), 'g') : undefined;
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

	/** A redactor that also knows `more` secrets (a renewed token). */
	with(more: Array<string | undefined | null>): Redactor {
		const added = more.filter(
			(secret): secret is string => typeof secret === 'string' && !this.secrets.includes(secret),
		);
		return added.length ? new Redactor([...this.secrets, ...added]) : this;
	}

	text(input: string): string {
		let out = this.removePieces(input);
		if (this.shortPattern) out = out.replace(this.shortPattern, REDACTED);
		for (const [pattern, replacement] of GENERIC_PATTERNS) out = out.replace(pattern, replacement);
		return out;
	}

	/** Replaces every run of text covered by a piece of a long secret. */
	private removePieces(input: string): string {
		// Stryker disable next-line LogicalOperator: equivalent, a shortcut: the loop below finds nothing in either case
		if (this.pieces.size === 0 || input.length < PIECE_LENGTH) return input;
		const covered = new Uint8Array(input.length);
		// Stryker disable next-line BooleanLiteral: equivalent, a shortcut: with nothing covered the copy below is the input
		let any = false;
		for (let i = 0; i + PIECE_LENGTH <= input.length; i++) {
			if (this.pieces.has(input.slice(i, i + PIECE_LENGTH))) {
				covered.fill(1, i, i + PIECE_LENGTH);
				any = true;
			}
		}
		if (!any) return input;
		let out = '';
		for (let i = 0; i < input.length; i++) {
			if (!covered[i]) out += input[i];
			else if (i === 0 || !covered[i - 1]) out += REDACTED;
		}
		return out;
	}

	/** Deep copy of `input` with every string redacted; cycles are cut. */
	value<T>(input: T, seen = new WeakSet<object>()): T {
		if (typeof input === 'string') {
			// a value that is a secret, however short, is removed whole
			if (this.secrets.some((secret) => secret.trim() === input.trim())) return REDACTED as T;
			return this.text(input) as T;
		}
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
	error<E extends Error>(error: E, options: { messageRedacted?: boolean } = {}): E {
		const target = error as E & {
			description?: unknown;
			context?: Record<string, unknown>;
			cause?: unknown;
			stack?: string;
		};
		// a message built from parts already redacted is left alone: the node's own words (its
		// display name, a hint) could share a piece with a secret and must stay readable
		if (!options.messageRedacted) {
			target.message = this.text(target.message ?? '');
			if (typeof target.description === 'string')
				target.description = this.text(target.description);
		}
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
