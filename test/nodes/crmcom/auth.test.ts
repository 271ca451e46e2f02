import { CRMCOM_DEMO } from '../../simulator/apis/crmcomBackoffice';
import { apiKeyCredentials, crmError, runCrmCom, useCrmCom, userCredentials } from './setup';

const t = useCrmCom();

t.describe('CRM.COM credentials', () => {
	it('User API: logs in once, sends the JWT with the API key, and reuses the token', async () => {
		const result = await runCrmCom(
			t.sim,
			{
				authentication: 'userJwt',
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
			},
			{ credentials: userCredentials(t.sim) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(t.api.logins).toBe(1);
		const [login, list] = t.sim.log.all();
		expect(login.path).toContain('/users/authenticate');
		expect(login.body).toEqual({
			provider: 'EMAIL',
			username: CRMCOM_DEMO.username,
			password: CRMCOM_DEMO.password,
		});
		expect(list.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(list.headers.api_key).toBe(CRMCOM_DEMO.apiKey);
		expect(result.credentialsHelper.store.get('crmComUserApi')?.accessToken).toMatch(/^eyJ/);
	});

	it("User API, the live client's form: the bare token and the secret key after a login with the API key", async () => {
		const result = await runCrmCom(
			t.sim,
			{
				authentication: 'userJwt',
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
			},
			{
				credentials: userCredentials(t.sim, CRMCOM_DEMO.password, {
					secretKey: CRMCOM_DEMO.secretKey,
					authScheme: 'none',
				}),
			},
		);
		const [login] = t.sim.log.find('/users/authenticate', 'POST');
		const list = t.sim.log.find('/contacts', 'GET').pop()!;
		expect(login.headers.api_key).toBe(CRMCOM_DEMO.apiKey);
		expect(list.headers.authorization).toMatch(/^eyJ/);
		expect(list.headers.api_key).toBe(CRMCOM_DEMO.secretKey);
		if (t.profile === 'live') {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
		} else {
			// the docs know only `Bearer` and the API key: the server refuses, and says so
			expect(result.error?.httpCode).toBe('401');
			expect(JSON.stringify(result.run.data.resultData)).not.toContain(CRMCOM_DEMO.secretKey);
		}
	});

	it('User API: logs in again once when the token expired, and the call succeeds', async () => {
		const credentials = userCredentials(t.sim);
		const first = await runCrmCom(
			t.sim,
			{
				authentication: 'userJwt',
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			},
			{ credentials },
		);
		const stored = first.credentialsHelper.store.get('crmComUserApi');
		t.api.expireTokens();
		const second = await runCrmCom(
			t.sim,
			{
				authentication: 'userJwt',
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			},
			{
				credentials: {
					crmComUserApi: { ...credentials.crmComUserApi, accessToken: String(stored?.accessToken) },
				},
			},
		);
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(1);
		expect(t.api.logins).toBe(2);
		const statuses = t.sim.log
			.all()
			.map((e) => `${e.method} ${e.path.split('/').pop()} ${e.status}`);
		expect(statuses.slice(-3)).toEqual([
			'GET contacts 401',
			'POST authenticate 200',
			'GET contacts 200',
		]);
	});

	it('User API: a wrong password fails with the CRM message and shows no secret', async () => {
		const result = await runCrmCom(
			t.sim,
			{
				authentication: 'userJwt',
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			},
			{ credentials: userCredentials(t.sim, 'wrong-password-123') },
		);
		expect(result.error).toBeDefined();
		const shown = JSON.stringify(result.run.data.resultData);
		expect(shown).not.toContain('wrong-password-123');
		expect(shown).not.toContain(CRMCOM_DEMO.apiKey);
	});

	it('API key: a wrong key fails with the CRM message, hint and code, and shows no key', async () => {
		const result = await runCrmCom(
			t.sim,
			{ resource: 'contact', operation: 'getAll', returnAll: true },
			{ credentials: apiKeyCredentials(t.sim, 'bad-key-0000-1111') },
		);
		expect(result.error?.message).toBe(
			crmError(t, 'Invalid API key', 'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION'),
		);
		expect(result.error?.description).toContain('Hint: Check the credential');
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('bad-key-0000-1111');
	});

	it('rejects a base URL that is not https before sending anything', async () => {
		const result = await runCrmCom(
			t.sim,
			{ resource: 'contact', operation: 'getAll', returnAll: true },
			{
				credentials: {
					crmComApi: {
						baseUrl: 'http://crm.example.com/backoffice/v2',
						apiKey: CRMCOM_DEMO.apiKey,
					},
				},
			},
		);
		expect(result.error?.message).toContain('must start with https://');
		expect(t.sim.log.count()).toBe(0);
	});
});
