import fc from 'fast-check';

import { REDACTED, Redactor } from '../../nodes/shared/redact';

/** Generated cases per property; the mutation run (stryker.config.mjs) asks for a tenth. */
const runs = (n: number) =>
	Math.max(20, Math.round(n * Number(process.env.PROPERTY_RUNS_SCALE ?? 1)));

/** The bar: no 8 characters in a row of a secret shown. */
const PIECE_LENGTH = 8;
import { bodyExcerpt } from '../../nodes/shared/transport/errors';

/**
 * Redaction against generated secrets, placements, encodings and truncation points (issue
 * #16.4 and #16.5): whatever is shown besides the marker holds no PIECE_LENGTH characters of
 * any form of the secret, whether the text was cut before or after redaction.
 */
const SECRET_CHARS =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=:@!$&\'()*,;%" \\é€';

const secretArb = fc
	.array(fc.constantFrom(...SECRET_CHARS.split('')), { minLength: PIECE_LENGTH, maxLength: 40 })
	.map((chars) => chars.join(''))
	.filter((s) => s.trim().length >= PIECE_LENGTH);

function axiosEncode(value: string): string {
	return encodeURIComponent(value)
		.replace(/%3A/gi, ':')
		.replace(/%24/g, '$')
		.replace(/%2C/gi, ',')
		.replace(/%20/g, '+')
		.replace(/%5B/gi, '[')
		.replace(/%5D/gi, ']');
}

/** Every way the pack may send a secret. */
const ENCODINGS: Record<string, (s: string) => string> = {
	raw: (s) => s,
	trimmed: (s) => s.trim(),
	uriComponent: (s) => encodeURIComponent(s),
	uriComponentTrimmed: (s) => encodeURIComponent(s.trim()),
	uri: (s) => encodeURI(s),
	axiosQuery: (s) => axiosEncode(s),
	lowerHex: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
	base64: (s) => Buffer.from(s).toString('base64'),
	basicUserColon: (s) => Buffer.from(`user:${s}`).toString('base64'),
	basicTwoBytes: (s) => Buffer.from(`ab${s}`).toString('base64'),
	json: (s) => JSON.stringify(s).slice(1, -1),
	jsonTwice: (s) => JSON.stringify(JSON.stringify(s).slice(1, -1)).slice(1, -1),
};

/** The characters of `encoded` that depend on the secret alone (base64 after a prefix). */
function visibleForm(name: string, secret: string): string {
	const encoded = ENCODINGS[name](secret);
	if (name === 'basicUserColon' || name === 'basicTwoBytes') {
		const prefixBytes = name === 'basicUserColon' ? 5 : 2;
		const start = Math.ceil((prefixBytes * 4) / 3) + 1;
		return encoded.slice(start, Math.max(start, encoded.length - 4));
	}
	return encoded;
}

/** Pieces of `form` that are shown in `output`, outside the redaction marker. */
function shownPieces(output: string, form: string): string[] {
	const shown: string[] = [];
	const parts = output.split(REDACTED);
	for (let i = 0; i + PIECE_LENGTH <= form.length; i++) {
		const piece = form.slice(i, i + PIECE_LENGTH);
		if (parts.some((part) => part.includes(piece))) shown.push(piece);
	}
	return shown;
}

const textArb = fc.string({ maxLength: 60 });

describe('redaction: never 8 characters of a secret, any encoding, anywhere, any cut', () => {
	it('redacting the whole text, then truncating anywhere', () => {
		fc.assert(
			fc.property(
				secretArb,
				fc.constantFrom(...Object.keys(ENCODINGS)),
				textArb,
				textArb,
				fc.nat(),
				(secret, encoding, before, after, cut) => {
					const redactor = new Redactor([secret]);
					const text = `${before}${ENCODINGS[encoding](secret)}${after}`;
					const out = redactor.text(text);
					const truncated = out.slice(0, cut % (out.length + 1));
					expect(shownPieces(out, visibleForm(encoding, secret))).toEqual([]);
					expect(shownPieces(truncated, visibleForm(encoding, secret))).toEqual([]);
				},
			),
			{ numRuns: runs(1500) },
		);
	});

	it('truncated first (a reader cut the body), then redacted: still no piece shown', () => {
		fc.assert(
			fc.property(
				secretArb,
				fc.constantFrom(...Object.keys(ENCODINGS)),
				textArb,
				fc.nat(),
				(secret, encoding, before, cut) => {
					const redactor = new Redactor([secret]);
					const text = `${before}${ENCODINGS[encoding](secret)} and more text after it`;
					const cutText = text.slice(0, cut % (text.length + 1));
					expect(shownPieces(redactor.text(cutText), visibleForm(encoding, secret))).toEqual([]);
					// the layer's excerpt of a body, redacted as an object first
					const excerpt = bodyExcerpt(redactor.value({ message: text }), cut % 200);
					expect(shownPieces(excerpt, visibleForm(encoding, secret))).toEqual([]);
				},
			),
			{ numRuns: runs(1500) },
		);
	});

	it('a short secret (1 to 7 characters) is removed where it is sent; under 4, words stay whole', () => {
		fc.assert(
			fc.property(
				fc
					.array(fc.constantFrom(...'abcdefghijkmnpqrstuvwxyz0123456789'.split('')), {
						minLength: 1,
						maxLength: PIECE_LENGTH - 1,
					})
					.map((c) => c.join('')),
				fc.constantFrom('/CONTACTS-%s-ALL.AWP', '?TOKEN=%s&PAGE=X', '{"TOKEN":"%s"}', 'KEY %s.'),
				(secret, template) => {
					const redactor = new Redactor([secret]);
					const out = redactor.text(template.replace('%s', secret));
					expect(out).toBe(template.replace('%s', REDACTED));
					// under 4 characters, a word that merely contains it is left alone
					if (secret.length < 4)
						expect(redactor.text(`STATUS: UNKNOWNZ${secret}ZWORD`)).toBe(
							`STATUS: UNKNOWNZ${secret}ZWORD`,
						);
					expect(redactor.value({ apiKey: secret })).toEqual({ apiKey: REDACTED });
				},
			),
			{ numRuns: runs(500) },
		);
	});
});
