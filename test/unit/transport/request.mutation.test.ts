import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialsOf, forgetLogins } from '../../../nodes/shared/transport/request';
import type { RequestContext } from '../../../nodes/shared/transport/types';
import { executeNode } from '../../harness/harness';
import { useFakeClock } from '../../lib/fakeClock';
import { PROBE_BASE, runProbe, useProbeNetwork } from '../../lib/requestProbe';
import { json, localServer } from './localServer';
import { ALL_CREDENTIAL_TYPES, TransportProbe } from './transportProbe';

/** Cases the mutation run of transport/request.ts (stryker.slice.mjs) found unchecked. */

useProbeNetwork();
beforeEach(() => forgetLogins());

describe('an empty 2xx body is a success, not a body that is not JSON', () => {
	it.each(['', ' ', '  \n\t  '])('a POST answered 200 %j succeeds once', async (reply) => {
		const scope = nock(PROBE_BASE).post('/things').reply(200, reply);
		const result = await runProbe({ method: 'POST', path: '/things', body: '{}' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.status).toBe(200);
		expect(result.items[0].json.body ?? null).toBeNull();
		expect(scope.isDone()).toBe(true);
	});
});

describe('a request that starts while another renews the login', () => {
	it('waits for that login and sends the new token: no stale request of its own', async () => {
		let logins = 0;
		let stale = 0;
		const issued = new Set<string>();
		let startSecond: () => void = () => undefined;
		const secondStarted = new Promise<void>((resolve) => (startSecond = resolve));
		const server = await localServer((req, res) => {
			if (/users\/authenticate/.test(req.url)) {
				logins++;
				const token = `fresh-token-${logins}-abcdef`;
				issued.add(token);
				startSecond();
				// the login takes 2 s: the second execution starts meanwhile
				setTimeout(() => json(res, 200, { access_token: token }), 2000);
				return;
			}
			const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
			if (!issued.has(sent)) {
				stale++;
				return json(res, 401, { message: 'token expired' });
			}
			return json(res, 200, { content: [] });
		});
		const run = async () =>
			await executeNode({
				node: new TransportProbe(),
				credentialTypes: ALL_CREDENTIAL_TYPES,
				credentials: {
					crmComUserApi: {
						baseUrl: server.url,
						apiKey: 'crmcom-key-0123456789',
						signIn: 'password',
						email: 'u@example.com',
						password: 'pw-0123456789',
						accessToken: 'stale-token-0000000',
					},
				},
				input: [{}],
				parameters: {
					resource: 'probe',
					operation: 'send',
					call: 'crmcomUser',
					authentication: 'userJwt',
				} as never,
			});
		const first = run();
		await secondStarted;
		const second = await run();
		const firstResult = await first;
		await server.close();
		expect(firstResult.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(logins).toBe(1);
		// only the first execution's first request carried the expired token
		expect(stale).toBe(1);
	});
});

/**
 * A CRM.COM Legacy server: every login gets a new token; a request with a token it never
 * issued is refused as expired (inside an HTTP 200, as Legacy does).
 */
async function legacyServer() {
	const issued = new Set<string>();
	let logins = 0;
	const server = await localServer((req, res) => {
		if (/authentication\/token/.test(req.url)) {
			logins++;
			const token = `fresh-token-${logins}-abcdef`;
			issued.add(token);
			return json(res, 200, { status: { code: 'OK' }, data: { token } });
		}
		const sent = new URL(req.url, 'http://x').searchParams.get('token') ?? '';
		if (!issued.has(sent))
			return json(res, 200, { status: { code: 'INVALID_TOKEN', description: 'Token expired' } });
		return json(res, 200, { status: { code: 'OK' }, data: [] });
	});
	return { server, logins: () => logins };
}

function legacyCredential(
	server: string,
	password = 'pw-0123456789',
	username = 'u',
): ICredentialDataDecryptedObject {
	return {
		server,
		authType: 'password',
		username,
		password,
		organisation: 'o',
		token: 'stale-token-0000000',
	};
}

async function runLegacy(credential: ICredentialDataDecryptedObject) {
	const result = await executeNode({
		node: new TransportProbe(),
		credentialTypes: ALL_CREDENTIAL_TYPES,
		credentials: { crmComLegacyApi: credential },
		input: [{}],
		parameters: { resource: 'probe', operation: 'send', call: 'legacyGet' } as never,
	});
	expect(result.error).toBeUndefined();
	return result;
}

describe("n8n's own login for the credential fails", () => {
	it('the node logs in its own way (a login is not a retry: Max Attempts 1 is enough)', async () => {
		let logins = 0;
		const server = await localServer((req, res) => {
			if (/users\/authenticate/.test(req.url)) {
				logins++;
				// n8n's preAuthentication meets a reply without a token; the node's login gets one
				return json(res, 200, logins === 1 ? {} : { access_token: 'fresh-token-abcdef' });
			}
			const sent = String(req.headers.authorization ?? '');
			if (sent !== 'Bearer fresh-token-abcdef') return json(res, 401, { message: 'no token' });
			return json(res, 200, { content: [{ id: 'c1' }] });
		});
		const result = await executeNode({
			node: new TransportProbe(),
			credentialTypes: ALL_CREDENTIAL_TYPES,
			credentials: {
				crmComUserApi: {
					baseUrl: server.url,
					apiKey: 'crmcom-key-0123456789',
					signIn: 'password',
					email: 'u@example.com',
					password: 'pw-0123456789',
					accessToken: '',
				},
			},
			input: [{}],
			parameters: {
				resource: 'probe',
				operation: 'send',
				call: 'crmcomUser',
				authentication: 'userJwt',
				options: { maxAttempts: 1 },
			} as never,
		});
		const data = server.received.filter((r) => !/users\/authenticate/.test(r.url));
		await server.close();
		expect(result.error).toBeUndefined();
		expect(logins).toBe(2);
		expect(data).toHaveLength(1);
	});
});

describe('a renewed login belongs to one credential', () => {
	it('another password (same fields) logs in for itself, never borrows the first token', async () => {
		const t = await legacyServer();
		await runLegacy(legacyCredential(t.server.url, 'pw-first-0001'));
		await runLegacy(legacyCredential(t.server.url, 'pw-second-0002'));
		await runLegacy(legacyCredential(t.server.url, 'pw-first-0001'));
		await t.server.close();
		// one login each; the first credential's token is reused by its third execution
		expect(t.logins()).toBe(2);
	});

	it('another user with the same password logs in for itself', async () => {
		const t = await legacyServer();
		await runLegacy(legacyCredential(t.server.url, 'pw-0123456789', 'alice'));
		await runLegacy(legacyCredential(t.server.url, 'pw-0123456789', 'bob'));
		await t.server.close();
		expect(t.logins()).toBe(2);
	});

	it('the same credential data in another field order is the same credential', async () => {
		const t = await legacyServer();
		const credential = legacyCredential(t.server.url);
		await runLegacy(credential);
		const reordered = Object.fromEntries(Object.entries(credential).reverse());
		expect(Object.keys(reordered)).not.toEqual(Object.keys(credential));
		await runLegacy(reordered);
		await t.server.close();
		expect(t.logins()).toBe(1);
	});
});

describe('forgetLogins', () => {
	it('forgets every renewed login: the next execution logs in again', async () => {
		const t = await legacyServer();
		const credential = legacyCredential(t.server.url);
		await runLegacy(credential);
		await runLegacy(credential);
		expect(t.logins()).toBe(1);
		forgetLogins();
		await runLegacy(credential);
		await t.server.close();
		expect(t.logins()).toBe(2);
	});
});

describe('credentialsOf: read once per context and type', () => {
	function context(read: (type: string) => Promise<ICredentialDataDecryptedObject>) {
		const getCredentials = jest.fn(read);
		return { ctx: { getCredentials } as unknown as RequestContext, getCredentials };
	}

	it('every request of a context shares one read (reading decrypts)', async () => {
		const { ctx, getCredentials } = context(async (type) => ({ type }));
		const reads = await Promise.all([1, 2, 3].map(async () => await credentialsOf(ctx, 'a')));
		expect(reads).toEqual([{ type: 'a' }, { type: 'a' }, { type: 'a' }]);
		expect(await credentialsOf(ctx, 'b')).toEqual({ type: 'b' });
		expect(getCredentials.mock.calls).toEqual([['a'], ['b']]);
		// another context reads for itself
		const other = context(async () => ({ other: true }));
		expect(await credentialsOf(other.ctx, 'a')).toEqual({ other: true });
		expect(other.getCredentials).toHaveBeenCalledTimes(1);
	});

	it('a failed read is not kept: the next request reads again', async () => {
		let calls = 0;
		const { ctx } = context(async () => {
			calls++;
			if (calls === 1) throw new Error('credential not found');
			return { ok: true };
		});
		await expect(credentialsOf(ctx, 'a')).rejects.toThrow('credential not found');
		expect(await credentialsOf(ctx, 'a')).toEqual({ ok: true });
		expect(calls).toBe(2);
	});
});

describe('renewed logins kept: the most recent 200 credentials', () => {
	it('a credential stays reusable while 199 others log in, and is forgotten at the 200th', async () => {
		const t = await legacyServer();
		const first = legacyCredential(t.server.url, 'pw-first-0001');
		await runLegacy(first);
		for (let k = 1; k <= 199; k++) await runLegacy(legacyCredential(t.server.url, `pw-other-${k}`));
		expect(t.logins()).toBe(200);
		await runLegacy(first); // still kept: no login
		expect(t.logins()).toBe(200);

		forgetLogins();
		await runLegacy(first);
		for (let k = 1; k <= 200; k++) await runLegacy(legacyCredential(t.server.url, `pw-other-${k}`));
		const before = t.logins();
		await runLegacy(first); // the oldest of 201: forgotten, logs in again
		await t.server.close();
		expect(t.logins()).toBe(before + 1);
	}, 120_000);
});

describe('after a gateway error, the end of a delete and the Retry-After cap', () => {
	const clockState = useFakeClock();

	it('DELETE: 502 then 410 Gone is "outcome unknown", like 404', async () => {
		nock(PROBE_BASE)
			.delete('/things')
			.reply(502, 'gateway')
			.delete('/things')
			.reply(410, { message: 'Record gone' });
		const result = await runProbe({ method: 'DELETE' });
		expect(result.error?.message).toBe('Probe CRM: Outcome unknown: Record gone');
		expect(result.error?.httpCode).toBe('502');
	});

	it('a Retry-After of exactly the cap (60 s) is waited for, then the read succeeds', async () => {
		const scope = nock(PROBE_BASE)
			.get('/things')
			.reply(429, { message: 'later' }, { 'Retry-After': '60' })
			.get('/things')
			.reply(200, { ok: true });
		const result = await runProbe({ options: { retryBudget: 7200 } });
		expect(scope.isDone()).toBe(true);
		expect(result.error).toBeUndefined();
		expect(clockState.waits).toHaveLength(1);
		expect(clockState.waits[0]).toBeGreaterThanOrEqual(60_000);
	});
});
