import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runCrmCom, useCrmCom } from '../../nodes/crmcom/setup';
import { forgetLogins } from '../../../nodes/shared/transport/request';
import { retryAfterDelay } from '../../../nodes/shared/transport/retry';
import { joinUrl, pathEscape } from '../../../nodes/shared/transport/url';
import { DEFAULT_REQUEST_OPTIONS } from '../../../nodes/shared/transport/types';
import { executeNode } from '../../harness/harness';
import { useFakeClock } from '../../lib/fakeClock';
import { PROBE_BASE as BASE, runProbe as probe, useProbeNetwork } from '../../lib/requestProbe';
import { json, localServer } from './localServer';
import { scriptedServer } from './scriptedServer';
import { ALL_CREDENTIAL_TYPES, TransportProbe } from './transportProbe';

const clockState = useFakeClock();
useProbeNetwork();
beforeEach(() => forgetLogins());

describe('#16.12 a gateway error or a reset, then 404, on a delete is "outcome unknown"', () => {
	it.each([502, 504])('DELETE: %s then 404 is not a plain "does not exist"', async (gateway) => {
		const scope = nock(BASE)
			.delete('/things')
			.reply(gateway, 'gateway')
			.delete('/things')
			.reply(404, { message: 'Record not found' });
		const result = await probe({ method: 'DELETE' });
		expect(scope.isDone()).toBe(true);
		expect(result.error?.message).toBe('Probe CRM: Outcome unknown: Record not found');
		expect(result.error?.description).toContain('Outcome unknown.');
		expect(result.error?.description).toContain('may have deleted the record');
		// not a 404: an "Ignore Not Found" option must not read it as "nothing was there"
		expect(result.error?.httpCode).toBe(String(gateway));
	});

	it('DELETE: a reset then 404 is "outcome unknown" the same way', async () => {
		const server = await scriptedServer(['reset', { status: 404, body: { message: 'gone' } }]);
		const result = await probe({ method: 'DELETE' }, server.url);
		await server.close();
		expect(server.received).toHaveLength(2);
		expect(result.error?.message).toBe('Probe CRM: Outcome unknown: gone');
		expect(result.error?.httpCode).not.toBe('404');
	});

	it('an API delete action over GET (`…/delete`): 504 then 404 is "outcome unknown"', async () => {
		nock(BASE)
			.get('/contact/5/delete')
			.reply(504, 'timeout')
			.get('/contact/5/delete')
			.reply(404, { message: 'Entity not found.' });
		const result = await probe({ method: 'GET', path: '/contact/5/delete' });
		expect(result.error?.message).toBe('Probe CRM: Outcome unknown: Entity not found.');
	});

	it('a DELETE answered 404 at once, and a read 502 then 404, stay plain "not found"', async () => {
		nock(BASE).delete('/things').reply(404, { message: 'nope' });
		const direct = await probe({ method: 'DELETE' });
		expect(direct.error?.message).toBe('Probe CRM: nope');
		expect(direct.error?.httpCode).toBe('404');
		nock(BASE).get('/things').reply(502, 'bad').get('/things').reply(404, { message: 'nope' });
		const read = await probe({});
		expect(read.error?.message).toBe('Probe CRM: nope');
		expect(read.error?.httpCode).toBe('404');
	});
});

describe('#16 also: Retry-After gets a jitter and a cap of its own', () => {
	it('a Retry-After longer than the cap is not waited for, and the error says why', async () => {
		const scope = nock(BASE)
			.get('/things')
			.reply(429, { message: 'later' }, { 'Retry-After': '3600' });
		const result = await probe({ options: { retryBudget: 7200 } });
		expect(scope.isDone()).toBe(true);
		expect(clockState.waits).toEqual([]);
		expect(result.error?.description).toContain(
			'asked to wait 3600 s (Retry-After), longer than the 60 s',
		);
	});

	it('items told the same Retry-After come back spread over up to a fifth of it', () => {
		const options = DEFAULT_REQUEST_OPTIONS;
		expect(retryAfterDelay(10_000, options, () => 0)).toBe(10_000);
		expect(retryAfterDelay(10_000, options, () => 0.5)).toBe(11_000);
		expect(retryAfterDelay(10_000, options, () => 0.999)).toBe(11_998);
		// at least 100 ms of spread for a 0 s Retry-After
		expect(retryAfterDelay(0, options, () => 0.5)).toBe(50);
		// never more than the cap plus its jitter
		expect(retryAfterDelay(3_600_000, options, () => 0)).toBe(options.maxRetryAfterMs);
		const waits = new Set([0.1, 0.3, 0.6, 0.9].map((r) => retryAfterDelay(2000, options, () => r)));
		expect(waits.size).toBe(4);
	});
});

describe('#16.11 one login for every request waiting for it, reused by later executions', () => {
	async function tokenServer(kind: 'crmcom' | 'legacy') {
		let logins = 0;
		let stale = 0;
		const server = await localServer((req, res) => {
			if (/users\/authenticate|authentication\/token/.test(req.url)) {
				logins++;
				const token = `fresh-token-${logins}-abcdef`;
				return kind === 'crmcom'
					? json(res, 200, { access_token: token })
					: json(res, 200, { status: { code: 'OK' }, data: { token } });
			}
			const current = `fresh-token-${logins}-abcdef`;
			const sent =
				kind === 'crmcom'
					? String(req.headers.authorization ?? '').replace(/^Bearer /, '')
					: (new URL(req.url, 'http://x').searchParams.get('token') ?? '');
			if (logins === 0 || sent !== current) {
				stale++;
				return kind === 'crmcom'
					? json(res, 401, { message: 'token expired' })
					: json(res, 200, { status: { code: 'INVALID_TOKEN', description: 'Token expired' } });
			}
			return kind === 'crmcom'
				? json(res, 200, { content: [] })
				: json(res, 200, { status: { code: 'OK' }, data: [] });
		});
		return { server, logins: () => logins, stale: () => stale };
	}

	function runProbe(call: 'crmcomUser' | 'legacyGet', baseUrl: string, items: number) {
		const credentials: Record<string, ICredentialDataDecryptedObject> =
			call === 'crmcomUser'
				? {
						crmComUserApi: {
							baseUrl,
							apiKey: 'crmcom-key-0123456789',
							signIn: 'password',
							email: 'u@example.com',
							password: 'pw-0123456789',
							accessToken: 'stale-token-0000000',
						},
					}
				: {
						crmComLegacyApi: {
							server: baseUrl,
							authType: 'password',
							username: 'u',
							password: 'pw-0123456789',
							organisation: 'o',
							token: 'stale-token-0000000',
						},
					};
		return executeNode({
			node: new TransportProbe(),
			credentialTypes: ALL_CREDENTIAL_TYPES,
			credentials,
			input: Array.from({ length: items }, (_, i) => ({ i })),
			parameters: {
				resource: 'probe',
				operation: 'send',
				call,
				authentication: call === 'crmcomUser' ? 'userJwt' : 'apiKey',
				options: { concurrency: 4 },
			} as never,
		});
	}

	it('CRM.COM user, expired token, 4 concurrent items: one login, 4 stale requests at most', async () => {
		const t = await tokenServer('crmcom');
		const result = await runProbe('crmcomUser', t.server.url, 4);
		await t.server.close();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(t.logins()).toBe(1);
		expect(t.stale()).toBeLessThanOrEqual(4);
	});

	it('CRM.COM Legacy, 4 concurrent items: one login; the next execution logs in no more', async () => {
		const t = await tokenServer('legacy');
		const first = await runProbe('legacyGet', t.server.url, 4);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(4);
		expect(t.logins()).toBe(1);
		const staleAfterFirst = t.stale();
		const second = await runProbe('legacyGet', t.server.url, 4);
		await t.server.close();
		expect(second.error).toBeUndefined();
		expect(t.logins()).toBe(1);
		expect(t.stale()).toBe(staleAfterFirst);
	});
});

describe('#16.13 Custom API Call paths are decoded and normalised before the check', () => {
	const t = useCrmCom();

	it.each([
		'contacts/%2e%2e/%2e%2e/admin/users/1',
		'contacts/%2E%2E/admin',
		'contacts/..%2f..%2fadmin',
		'contacts/%252e%252e/%252e%252e/admin',
		'contacts/.%2e/admin',
		'contacts\\..\\admin',
		'https://evil.example/x',
	])('CRM.COM Custom API Call refuses %s and sends nothing', async (path) => {
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'DELETE',
			path,
		});
		expect(result.error?.message).toMatch(/^Invalid value: "Path" /);
		expect(t.sim.log.count()).toBe(0);
	});

	it('an ordinary path with an encoded id still works', async () => {
		const result = await runCrmCom(t.sim, {
			resource: 'custom',
			operation: 'apiCall',
			method: 'GET',
			path: 'contacts',
		});
		expect(result.error).toBeUndefined();
	});

	it('pathEscape and joinUrl: the shared check every transport goes through', () => {
		expect(pathEscape('contacts/a%2Fb/wallets')).toBeUndefined();
		expect(pathEscape('contacts/a%2F..%2Fb', true)).toContain('".." segments');
		expect(pathEscape('contacts/%2e%2e/x')).toContain('".." segments');
		expect(pathEscape('contacts/%zz', true)).toContain('malformed');
		expect(pathEscape('contacts/a b', true)).toContain('spaces');
		expect(pathEscape('contacts/a%01b', true)).toContain('control characters');
		expect(joinUrl('https://h/api/v2', 'contacts/1')).toBe('https://h/api/v2/contacts/1');
		expect(joinUrl('https://h/api/v2/', '/contacts/a%2Fb')).toBe('https://h/api/v2/contacts/a%2Fb');
		expect(() => joinUrl('https://h/api/v2', 'contacts/%2e%2e/%2e%2e/admin')).toThrow(
			"would leave the API's base URL",
		);
		expect(() => joinUrl('https://h/api/v2', '../v1/x')).toThrow('would leave');
	});
});
