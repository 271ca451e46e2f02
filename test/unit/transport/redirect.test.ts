import type http from 'node:http';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { executeNode } from '../../harness/harness';
import { forgetLogins } from '../../../nodes/shared/transport/request';
import { json, localServer, type Received } from './localServer';
import { ALL_CREDENTIAL_TYPES, TransportProbe, type ProbeCall } from './transportProbe';

/**
 * Issue #16.1: a redirect never carries a credential away. Origin A (the credential's base URL)
 * answers every call with a redirect to origin B (another port = another origin, plain http);
 * B must receive nothing, whatever the credential type and wherever it puts its secret.
 */
const SECRETS = {
	apiKey: 'crmcom-api-key-7c1d9e42aa',
	password: 'user-password-5e0b77f3',
	legacyToken: 'legacy-token-91ab33cd70',
	jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXh5eg',
	lightening: 'lightening-auth-4f2a9c1b88',
	centrix: 'CentrixKey0a9b8c7d6e',
	cention: 'eyJhbGciOiJIUzI1NiJ9.eyJjZW50aW9uIjoxfQ.Y2VudGlvbi1zaWc',
};

let thief: Awaited<ReturnType<typeof localServer>>;
let redirectStatus = 302;
let redirectTo: (path: string) => string = () => '';
let redirectLogins = false;

function isLogin(req: Received): boolean {
	return /authentication\/(web_api_key\/)?token|users\/authenticate/.test(req.url);
}

function answer(req: Received, res: http.ServerResponse): void {
	if (isLogin(req) && !redirectLogins) {
		if (req.url.includes('users/authenticate'))
			return json(res, 200, { access_token: SECRETS.jwt });
		return json(res, 200, { status: { code: 'OK' }, data: { token: SECRETS.legacyToken } });
	}
	res.writeHead(redirectStatus, { Location: redirectTo(req.url) });
	res.end();
}

let origin: Awaited<ReturnType<typeof localServer>>;

beforeAll(async () => {
	thief = await localServer((_req, res) =>
		json(res, 200, { status: { code: 'OK' }, Result: 'Success', result: true }),
	);
	origin = await localServer(answer);
});
afterAll(async () => {
	await thief.close();
	await origin.close();
});
beforeEach(() => {
	thief.received.length = 0;
	origin.received.length = 0;
	redirectStatus = 302;
	redirectLogins = false;
	redirectTo = (path) => `${thief.url}${path}`;
	forgetLogins();
});

function credentialsFor(call: ProbeCall): Record<string, ICredentialDataDecryptedObject> {
	const base = origin.url;
	switch (call) {
		case 'crmcomKey':
		case 'crmcomDelete':
			return { crmComApi: { baseUrl: base, apiKey: SECRETS.apiKey } };
		case 'crmcomUser':
			return {
				crmComUserApi: {
					baseUrl: base,
					apiKey: SECRETS.apiKey,
					signIn: 'password',
					email: 'user@example.com',
					password: SECRETS.password,
				},
			};
		case 'legacyGet':
		case 'legacyPost':
			return {
				crmComLegacyApi: {
					server: base,
					authType: 'password',
					username: 'user',
					password: SECRETS.password,
					organisation: 'org',
				},
			};
		case 'lightening':
			return { lighteningApi: { baseUrl: base, authorizationToken: SECRETS.lightening } };
		case 'centrix':
			return { centrixOneApi: { baseUrl: base, account: '12345', apiKey: SECRETS.centrix } };
		case 'cention':
			return { centionApi: { domain: base, workspace: 'demo', accessToken: SECRETS.cention } };
	}
}

async function run(call: ProbeCall) {
	return await executeNode({
		node: new TransportProbe(),
		credentialTypes: ALL_CREDENTIAL_TYPES,
		credentials: credentialsFor(call),
		parameters: {
			resource: 'probe',
			operation: 'send',
			call,
			authentication: call === 'crmcomUser' ? 'userJwt' : 'apiKey',
			options: { maxAttempts: 2 },
		} as never,
	});
}

function leaked(received: Received[]): string[] {
	const seen = JSON.stringify(received);
	return Object.values(SECRETS).filter((secret) => seen.includes(secret));
}

const CALLS: ProbeCall[] = [
	'crmcomKey',
	'crmcomUser',
	'legacyGet',
	'legacyPost',
	'lightening',
	'centrix',
	'cention',
];

describe('redirects never carry a credential to another origin or to plain http', () => {
	for (const status of [301, 302, 303, 307, 308]) {
		it.each(CALLS)(
			`%s: a ${status} to another origin is refused, nothing reaches it`,
			async (call) => {
				redirectStatus = status;
				const result = await run(call);
				expect(thief.received).toEqual([]);
				expect(result.error?.message).toMatch(
					/redirect \(HTTP \d{3}\) to http:\/\/127\.0\.0\.1:\d+, which is not followed/,
				);
				expect(result.error?.httpCode).toBe(String(status));
				// the secret reached the origin it belongs to, and no other place
				expect(leaked(origin.received).length).toBeGreaterThan(0);
				expect(JSON.stringify(result.error)).not.toContain(thief.url.split(':')[2] + '/');
			},
		);
	}

	it.each(CALLS)(
		'%s: a same-origin redirect is refused too (no credential re-sent)',
		async (call) => {
			redirectTo = (path) => `/moved${path}`;
			const before = origin.received.length;
			const result = await run(call);
			expect(result.error?.message).toContain('which is not followed');
			const moved = origin.received.slice(before).filter((r) => r.url.startsWith('/moved'));
			expect(moved).toEqual([]);
		},
	);

	it.each(['crmcomUser', 'legacyGet'] as ProbeCall[])(
		'%s: a redirected login sends the password nowhere else',
		async (call) => {
			redirectLogins = true;
			const result = await run(call);
			expect(result.error).toBeDefined();
			expect(thief.received).toEqual([]);
			expect(leaked(thief.received)).toEqual([]);
		},
	);

	it('the refused redirect shows the target origin only, never a path carrying a key', async () => {
		redirectTo = (path) => `${thief.url}/keep/${SECRETS.centrix}${path}`;
		const result = await run('centrix');
		const shown = JSON.stringify({
			message: result.error?.message,
			description: result.error?.description,
		});
		expect(shown).not.toContain(SECRETS.centrix);
		expect(shown).not.toContain('/keep/');
		expect(thief.received).toEqual([]);
	});
});
