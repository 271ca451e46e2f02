import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { crmNode, type CrmNodeSetup, useSimulator } from '../lib/simulator';
import { testCredential } from '../lib/credentialTest';
import { CENTION_DEMO } from '../simulator/apis/cention';
import type { CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import type { Simulator } from '../simulator/server';

const env = useSimulator<CrmComBackofficeApi>('crmcom');

/** Every record of every simulated API (tokens aside), to prove a test changed nothing. */
function stores(sim: Simulator): string {
	const out: unknown[] = [];
	for (const api of Object.values(sim.apis)) {
		for (const [name, value] of Object.entries(api)) {
			if (name === 'tokens' || name === 'logins') continue;
			if (value instanceof Map) out.push([api.key, name, JSON.stringify([...value.entries()])]);
		}
	}
	return JSON.stringify(out);
}

const CASES: Array<{ setup: CrmNodeSetup; wrong: ICredentialDataDecryptedObject; says: RegExp }> = [
	{ setup: 'crmcom', wrong: { apiKey: 'wrong-key-0000' }, says: /HTTP status code: 401/ },
	{ setup: 'crmcomUser', wrong: { password: 'wrong-pass-0000' }, says: /401/ },
	{
		setup: 'centrixone',
		wrong: { apiKey: 'wrongCentrixKey0' },
		says: /HTTP status code: 401/,
	},
	{
		setup: 'cention',
		wrong: { accessToken: 'e30.e30.c2ln' },
		says: /Cention refused the access token \(401\)/,
	},
	{
		setup: 'lightening',
		wrong: { authorizationToken: 'wrong-token-0000' },
		says: /Lightening did not accept the Authorization token/,
	},
	{
		setup: 'legacyPassword',
		wrong: { password: 'wrong-pass-0000' },
		says: /CRM.COM refused the login/,
	},
	{
		setup: 'legacyWebApiKey',
		wrong: { webApiKey: 'wrong-key-0000' },
		says: /CRM.COM refused the login/,
	},
];

function credentialOf(setup: CrmNodeSetup, overrides: ICredentialDataDecryptedObject = {}) {
	const spec = crmNode(env.sim, setup, overrides);
	const type = spec.credentialTypes?.[0] as ICredentialType;
	const data = Object.values(spec.credentials ?? {})[0];
	return { type, data };
}

env.describe('Credential tests prove the credential and change nothing', () => {
	it.each(CASES.map((c) => [c.setup, c]))(
		'%s: a valid credential passes, a wrong one fails, no record changes',
		async (_name, c) => {
			const before = stores(env.sim);
			const valid = credentialOf(c.setup);
			expect(await testCredential(valid.type, valid.data)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const wrong = credentialOf(c.setup, c.wrong);
			const failed = await testCredential(wrong.type, wrong.data);
			expect(failed.status).toBe('Error');
			expect(failed.message).toMatch(c.says);
			expect(stores(env.sim)).toBe(before);
		},
	);

	it('Cention: the test is refused as the JSON:API spec requires (415), and a token without the claim fails', async () => {
		const valid = credentialOf('cention');
		await testCredential(valid.type, valid.data);
		const [call] = env.sim.log.find('/c3_contact_cards', 'POST');
		expect(call.headers['content-type']).toBe('application/vnd.api+json; charset=utf-8');
		expect(call.status).toBe(415);
		const noClaim = credentialOf('cention', { accessToken: CENTION_DEMO.jwtWithoutClaim });
		expect(await testCredential(noClaim.type, noClaim.data)).toEqual({
			status: 'Error',
			message: 'The token lacks the claim "Access and create customer contacts" (403)',
		});
	});

	it('Lightening: a valid token passes although customer 0 is unknown to it', async () => {
		const valid = credentialOf('lightening');
		expect((await testCredential(valid.type, valid.data)).status).toBe('OK');
		const [call] = env.sim.log.find('/contact', 'POST');
		expect((call.body as { name: string }).name.length).toBe(65);
		expect(env.sim.log.find('/contact', 'GET')).toHaveLength(0);
	});
});
