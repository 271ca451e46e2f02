import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';

import { executeNode } from '../../harness/harness';
import { Redactor } from '../../../nodes/shared/redact';

/** The bar: no 8 characters in a row of a secret shown. */
const PIECE_LENGTH = 8;
import { useFakeClock } from '../../lib/fakeClock';
import { ALL_CREDENTIAL_TYPES, TransportProbe, type ProbeCall } from './transportProbe';

/**
 * Issue #16.4 and #16.5 through the real transports: secrets are removed before any reader cuts
 * a body short, in the form the pack sent them (a CentrixOne key with a trailing space is sent
 * trimmed), whatever their length.
 */
const BASE = 'http://127.0.0.1:9';
useFakeClock();
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function run(call: ProbeCall, credentials: Record<string, ICredentialDataDecryptedObject>) {
	return executeNode({
		node: new TransportProbe(),
		credentialTypes: ALL_CREDENTIAL_TYPES,
		credentials,
		parameters: {
			resource: 'probe',
			operation: 'send',
			call,
			options: { maxAttempts: 1 },
		} as never,
	});
}

function pieces(secret: string): string[] {
	const out: string[] = [];
	for (let i = 0; i + PIECE_LENGTH <= secret.length; i++)
		out.push(secret.slice(i, i + PIECE_LENGTH));
	return out;
}

function shown(result: Awaited<ReturnType<typeof run>>): string {
	return JSON.stringify({
		m: result.error?.message,
		d: result.error?.description,
		c: result.error?.context,
		items: result.items,
	});
}

describe('redact first, truncate after', () => {
	it.each([0, 5, 17, 30, 41])(
		'CentrixOne 404 echoing the .awp path, cut at 300 characters (offset %i): no piece of the key',
		async (offset) => {
			const key = 'K3y0fQwzPlmn8Vbt42xyzRt7';
			const path = `/Contacts-12345-${key}-all.awp`;
			nock(BASE)
				.get(path)
				.query(true)
				.reply(404, `${'x'.repeat(300 - offset - path.length + 10)} No such object: ${path}`, {
					'Content-Type': 'text/plain',
				});
			const result = await run('centrix', {
				centrixOneApi: { baseUrl: BASE, account: '12345', apiKey: key },
			});
			expect(result.error).toBeDefined();
			const text = shown(result);
			expect(pieces(key).filter((piece) => text.includes(piece))).toEqual([]);
		},
	);

	it('a CentrixOne key stored with a trailing space is redacted as sent (trimmed)', async () => {
		const key = 'TrailingSpaceKey123 ';
		nock(BASE)
			.get(/\/Contacts-12345-TrailingSpaceKey123-all\.awp/)
			.query(true)
			.reply(500, `failed for /Contacts-12345-${key.trim()}-all.awp`);
		const result = await run('centrix', {
			centrixOneApi: { baseUrl: BASE, account: '12345', apiKey: key },
		});
		expect(result.error).toBeDefined();
		expect(shown(result)).not.toContain(key.trim());
	});

	it('a 3-character Lightening token is redacted where it is echoed, the words around it stay', async () => {
		nock(BASE)
			.get('/contact')
			.reply(200, { result: false, error: 'Token Q7z is not valid for the account' });
		const result = await run('lightening', {
			lighteningApi: { baseUrl: BASE, authorizationToken: 'Q7z' },
		});
		expect(result.error?.message).toBe('Lightening: Token [redacted] is not valid for the account');
	});
});

describe('Redactor: forms of a secret', () => {
	it('removes URL-encoded, axios-encoded, base64 after a prefix and JSON-escaped forms', () => {
		const secret = 'p@ss word/"quoted"+more';
		const redactor = new Redactor([secret]);
		for (const form of [
			encodeURIComponent(secret),
			encodeURIComponent(secret).replace(/%20/g, '+'),
			Buffer.from(`user:${secret}`).toString('base64').slice(8, -4),
			JSON.stringify(secret).slice(1, -1),
		])
			expect(redactor.text(`<${form}>`)).not.toContain(form.slice(2, 2 + PIECE_LENGTH));
	});
});
