import { PIECE_LENGTH, REDACTED, Redactor } from '../../nodes/shared/redact';

/**
 * Cases the mutation run (stryker.slice.mjs) found unchecked in the redactor: forms of a secret
 * that only one of its encodings produces, and the edges of the short-secret rules.
 */

/** Pieces of `form` shown in `output` outside the redaction marker. */
function shownPieces(output: string, form: string): string[] {
	const parts = output.split(REDACTED);
	const shown: string[] = [];
	for (let i = 0; i + PIECE_LENGTH <= form.length; i++) {
		const piece = form.slice(i, i + PIECE_LENGTH);
		if (parts.some((part) => part.includes(piece))) shown.push(piece);
	}
	return shown;
}

/** axios's query encoding: encodeURIComponent, keeping : $ , [ ] and a space as +. */
function axiosEncode(value: string): string {
	return encodeURIComponent(value)
		.replace(/%3A/gi, ':')
		.replace(/%24/g, '$')
		.replace(/%2C/gi, ',')
		.replace(/%20/g, '+')
		.replace(/%5B/gi, '[')
		.replace(/%5D/gi, ']');
}

describe('a secret in a query string as axios encodes it', () => {
	// each kept character next to a space: only the axios form has both unescaped
	it.each([':', '$', ',', '[', ']'])('a secret holding "%s" and a space', (kept) => {
		const secret = `Qw${kept}e rTy${kept}u iOp`;
		const sent = axiosEncode(secret);
		expect(sent).not.toBe(secret);
		expect(sent).not.toBe(encodeURIComponent(secret));
		const out = new Redactor([secret]).text(`GET https://h/x?key=${sent}&n=1 failed`);
		expect(shownPieces(out, sent)).toEqual([]);
		expect(out.startsWith('GET https://h/x?key=')).toBe(true);
		expect(out.endsWith('&n=1 failed')).toBe(true);
	});
});

describe('a secret in a form-encoded body (URLSearchParams: ":" escaped, space as "+")', () => {
	it('is removed', () => {
		const secret = 'Qw:e rTy:u iOp';
		const sent = new URLSearchParams({ password: secret }).toString().slice('password='.length);
		expect(sent).toBe('Qw%3Ae+rTy%3Au+iOp');
		const out = new Redactor([secret]).text(`body user=a&pw=${sent}&x=1`);
		expect(shownPieces(out, sent)).toEqual([]);
		expect(out).toBe(`body user=a&pw=${REDACTED}&x=1`);
	});
});

describe('base64 of a secret after a prefix of any length (user:secret in Basic auth)', () => {
	const secret = 'S3cr3t-Key_0123456789-abcdef';
	// 1, 2 and 3 bytes before the secret: each aligns the secret differently in base64
	it.each(['', 'a', 'ab', 'abc', 'abcd', 'abcde'])('user "%s"', (user) => {
		const prefix = `${user}:`;
		const encoded = Buffer.from(prefix + secret).toString('base64');
		// the characters that depend on the secret alone start at the first whole 3-byte group
		const start = 4 * Math.ceil(prefix.length / 3);
		const visible = encoded.slice(start, encoded.length - 4);
		const out = new Redactor([secret]).text(`sent credentials ${encoded} and got 401`);
		expect(shownPieces(out, visible)).toEqual([]);
		expect(out.startsWith('sent credentials ')).toBe(true);
		expect(out.endsWith(' and got 401')).toBe(true);
	});
});

describe('base64 of a short secret followed by more bytes (the key as a Basic auth user)', () => {
	it('the characters that depend on the secret alone are removed', () => {
		const secret = 'k3y9';
		const sent = Buffer.from(`${secret}:pw`).toString('base64');
		const ownPart = Buffer.from(secret).toString('base64').slice(0, 4);
		expect(sent.startsWith(ownPart)).toBe(true);
		const out = new Redactor([secret]).text(`token ${sent} refused`);
		expect(out).not.toContain(ownPart);
		expect(out).toBe(`token ${REDACTED}${sent.slice(4)} refused`);
	});
});

describe('base64url of a secret (as in a JWT or a URL-safe token)', () => {
	it('a long secret whose base64 holds "+" and "/" and padding', () => {
		const secret = '>>>???abcd';
		const standard = Buffer.from(secret).toString('base64');
		const urlSafe = Buffer.from(secret).toString('base64url');
		expect(standard).toBe('Pj4+Pz8/YWJjZA==');
		expect(urlSafe).toBe('Pj4-Pz8_YWJjZA');
		const out = new Redactor([secret]).text(`sig ${urlSafe}.next`);
		expect(shownPieces(out, urlSafe)).toEqual([]);
		expect(out).toBe(`sig ${REDACTED}.next`);
	});

	it('a short secret: the unpadded form is removed whole', () => {
		expect(Buffer.from('k3y9').toString('base64url')).toBe('azN5OQ');
		expect(new Redactor(['k3y9']).text('sig azN5OQ.next')).toBe(`sig ${REDACTED}.next`);
	});
});

describe('a secret JSON-escaped twice (a JSON body quoted inside another JSON string)', () => {
	const twice = (s: string) => JSON.stringify(JSON.stringify(s).slice(1, -1)).slice(1, -1);

	it('a long secret with a quote and a backslash', () => {
		const secret = 'Pa"ss\\word-12';
		const sent = twice(secret);
		const out = new Redactor([secret]).text(`{"log":"{\\"pw\\":\\"${sent}\\"}"}`);
		expect(shownPieces(out, sent)).toEqual([]);
	});

	it('a short one is removed whole', () => {
		const sent = twice('k"y');
		expect(sent).toBe(String.raw`k\\\"y`);
		expect(new Redactor(['k"y']).text(`logged: ${sent} end`)).toBe(`logged: ${REDACTED} end`);
	});
});

describe('short secrets', () => {
	it('a secret of 4 to 7 characters is removed even inside a word', () => {
		const redactor = new Redactor(['k3y9']);
		expect(redactor.text('xk3y9x and k3y9')).toBe(`x${REDACTED}x and ${REDACTED}`);
	});

	it('a secret under 4 characters only where it stands alone', () => {
		const redactor = new Redactor(['k3y']);
		expect(redactor.text('k3y, xk3y, k3yx, 1k3y, k3y1')).toBe(
			`${REDACTED}, xk3y, k3yx, 1k3y, k3y1`,
		);
	});

	it('the longer of two secrets that share text is removed whole', () => {
		const redactor = new Redactor(['abc', 'abcdef']);
		expect(redactor.text('key abcdef.')).toBe(`key ${REDACTED}.`);
	});

	it('a secret of white space only is no secret; one with spaces around is trimmed too', () => {
		expect(new Redactor(['   ']).text('a   b')).toBe('a   b');
		expect(new Redactor(['   ', '\t']).text('q=a%20%20%20b%09')).toBe('q=a%20%20%20b%09');
		expect(new Redactor([' zq9 ']).text('zq9 and zq9x')).toBe(`${REDACTED} and zq9x`);
	});

	it('exactly 8 characters are cut into one piece; 7 are a short form', () => {
		expect(new Redactor(['12345678']).text('a12345678b')).toBe(`a${REDACTED}b`);
		expect(new Redactor(['12345678']).text('12345678')).toBe(REDACTED);
		expect(new Redactor(['1234567']).text('a1234567b 123456')).toBe(`a${REDACTED}b 123456`);
	});
});

describe('pieces of a long secret', () => {
	const secret = 'ABCDEFGHIJKLMNOP';
	const redactor = new Redactor([secret]);

	it('one marker per covered run, text between runs kept', () => {
		expect(redactor.text('ABCDEFGH-IJKLMNOP')).toBe(`${REDACTED}-${REDACTED}`);
		expect(redactor.text(`${secret}${secret}`)).toBe(REDACTED);
		expect(redactor.text(`x${secret}`)).toBe(`x${REDACTED}`);
		expect(redactor.text('ABCDEFG')).toBe('ABCDEFG');
		expect(redactor.text('BCDEFGHI!')).toBe(`${REDACTED}!`);
	});

	it('text shorter than a piece is returned as it is, and a redactor without secrets changes nothing of its own', () => {
		expect(redactor.text('ABCDEFG')).toBe('ABCDEFG');
		expect(new Redactor([]).text('ABCDEFGHIJKLMNOP')).toBe('ABCDEFGHIJKLMNOP');
	});
});

describe('value, with and fromCredentials', () => {
	it('a value equal to a secret once trimmed is removed, however short', () => {
		const redactor = new Redactor(['ab']);
		expect(redactor.value(' ab ')).toBe(REDACTED);
		expect(redactor.value({ k: 'ab', n: 2, b: true, z: null })).toEqual({
			k: REDACTED,
			n: 2,
			b: true,
			z: null,
		});
	});

	it('keys are redacted too, and a cycle is cut', () => {
		const redactor = new Redactor(['SECRETKEY123']);
		const input: Record<string, unknown> = { SECRETKEY123: 'v', list: ['SECRETKEY123'] };
		input.self = input;
		const out = redactor.value(input) as Record<string, unknown>;
		expect(Object.keys(out)).toEqual([REDACTED, 'list', 'self']);
		expect(out.list).toEqual([REDACTED]);
		expect(out.self).toBe('[circular]');
	});

	it('with() adds only new secrets, and returns the same redactor when none is new', () => {
		const redactor = new Redactor(['FIRSTSECRET1']);
		expect(redactor.with(['FIRSTSECRET1', undefined, null])).toBe(redactor);
		const more = redactor.with(['NEWTOKEN9876']);
		expect(more).not.toBe(redactor);
		expect(more.text('FIRSTSECRET1 NEWTOKEN9876')).toBe(`${REDACTED} ${REDACTED}`);
		expect(redactor.text('NEWTOKEN9876')).toBe('NEWTOKEN9876');
	});

	it('fromCredentials reads only the named string fields', () => {
		const redactor = Redactor.fromCredentials(
			{ apiKey: 'APIKEY-ABCDEFG', user: 'someone-visible', port: 12345678 },
			['apiKey', 'port', 'missing'],
		);
		expect(redactor.text('APIKEY-ABCDEFG someone-visible 12345678')).toBe(
			`${REDACTED} someone-visible 12345678`,
		);
		expect(Redactor.fromCredentials(undefined, ['apiKey']).text('APIKEY-ABCDEFG')).toBe(
			'APIKEY-ABCDEFG',
		);
	});
});

describe('error', () => {
	const secret = 'ERRSECRET-0987';

	it('a message marked as already redacted is left alone, context and stack are still redacted', () => {
		const error = Object.assign(new Error(`node words ${secret}`), {
			description: `desc ${secret}`,
			context: { a: secret, b: 'fine' },
		});
		error.stack = `Error: ${secret}\n at x`;
		new Redactor([secret]).error(error, { messageRedacted: true });
		expect(error.message).toBe(`node words ${secret}`);
		expect(error.description).toBe(`desc ${secret}`);
		expect(error.context).toEqual({ a: REDACTED, b: 'fine' });
		expect(error.stack).toBe(`Error: ${REDACTED}\n at x`);
	});

	it('a context that is not an object is left alone', () => {
		const error = Object.assign(new Error('m'), { context: 'plain text' });
		expect(() => new Redactor([secret]).error(error)).not.toThrow();
		expect(error.context).toBe('plain text');
	});

	it('an error without a message gets an empty one', () => {
		const error = Object.assign(new Error('x'), { message: undefined as unknown as string });
		new Redactor([secret]).error(error);
		expect(error.message).toBe('');
	});

	it('a description that is not text is left as it is; a cause is summarised', () => {
		const withObject = Object.assign(new Error('m'), { description: { d: 1 } });
		new Redactor([secret]).error(withObject);
		expect(withObject.description).toEqual({ d: 1 });

		const cause = Object.assign(new Error(`boom ${secret}`), { code: 'ECONNRESET', config: {} });
		const error = Object.assign(new Error('m'), { cause });
		new Redactor([secret]).error(error);
		expect(error.cause).toEqual({ name: 'Error', message: `boom ${REDACTED}`, code: 'ECONNRESET' });

		const objectCause = Object.assign(new Error('m'), { cause: { headers: { k: secret } } });
		new Redactor([secret]).error(objectCause);
		expect(objectCause.cause).toEqual({});

		const textCause = Object.assign(new Error('m'), { cause: `text ${secret}` });
		new Redactor([secret]).error(textCause);
		expect(textCause.cause).toBe(`text ${REDACTED}`);
	});
});
