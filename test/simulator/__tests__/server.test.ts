import axios, { type AxiosRequestConfig } from 'axios';

import { CENTRIX_DEMO, type CentrixOneApi } from '../apis/centrixone';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../apis/crmcomBackoffice';
import { startSimulator, type Simulator } from '../server';

let sim: Simulator;
let base: string;
const key = { api_key: CRMCOM_DEMO.apiKey };

async function call(method: string, path: string, config: AxiosRequestConfig = {}) {
	return await axios.request({
		method,
		url: `${base}${path}`,
		validateStatus: () => true,
		...config,
		headers: { ...key, ...(config.headers ?? {}) },
	});
}

beforeAll(async () => {
	sim = await startSimulator();
	base = sim.baseUrl('crmcom');
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('simulator: CRM.COM Back-Office', () => {
	it('lists seeded contacts and activities with page/size and total', async () => {
		const reply = await call('GET', '/activities', { params: { page: 2, size: 7 } });
		expect(reply.status).toBe(200);
		expect(reply.data.content).toHaveLength(7);
		expect(reply.data.paging).toEqual({ page: 2, size: 7, total: 30 });
		const contacts = await call('GET', '/contacts');
		expect(contacts.data.content).toHaveLength(10);
		expect(contacts.data.paging.total).toBe(12);
	});

	it.each([
		['nullTotal', { page: 4, size: 0, total: null }],
		['noTotal', { page: 4, size: 0 }],
		['hasMore', { page: 4, size: 0, has_more: false }],
	] as const)('paging mode %s reports %j past the end', async (mode, paging) => {
		sim.api<CrmComBackofficeApi>('crmcom').pagingMode = mode;
		const reply = await call('GET', '/activities', { params: { page: 4, size: 10 } });
		expect(reply.data.content).toEqual([]);
		expect(reply.data.paging).toEqual(paging);
	});

	it('rejects a page size over 250 with the documented error shape', async () => {
		const reply = await call('GET', '/activities', { params: { size: 251 } });
		expect(reply.status).toBe(400);
		expect(reply.data).toEqual({
			status: 400,
			message: 'size must be between 1 and 250',
			error: 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
			parameters: ['size'],
		});
	});

	it('answers 401 for a wrong or missing key', async () => {
		expect((await call('GET', '/contacts', { headers: { api_key: 'nope' } })).status).toBe(401);
		const missing = await axios.get(`${base}/contacts`, { validateStatus: () => true });
		expect(missing.status).toBe(401);
		expect(missing.data.message).toBe('Authentication is required');
	});

	it('logs in with users/authenticate, accepts the JWT, and answers 401 once it expired', async () => {
		const login = await call('POST', '/users/authenticate', {
			data: { provider: 'EMAIL', username: CRMCOM_DEMO.username, password: CRMCOM_DEMO.password },
		});
		expect(login.status).toBe(200);
		expect(Object.keys(login.data).sort()).toEqual([
			'access_token',
			'expiration_date',
			'lockout_date',
			'mode',
			'password_expired',
			'refresh_token',
		]);
		const bearer = { authorization: `Bearer ${login.data.access_token}` };
		const ok = await axios.get(`${base}/contacts`, { headers: bearer, validateStatus: () => true });
		expect(ok.status).toBe(200);
		sim.api<CrmComBackofficeApi>('crmcom').expireTokens();
		const expired = await axios.get(`${base}/contacts`, {
			headers: bearer,
			validateStatus: () => true,
		});
		expect(expired.status).toBe(401);
		expect(expired.data.error).toBe('CRM.EXCEPTIONS.TOKENEXPIREDEXCEPTION');
		const bad = await call('POST', '/users/authenticate', {
			data: { provider: 'EMAIL', username: CRMCOM_DEMO.username, password: 'wrong' },
		});
		expect(bad.status).toBe(401);
	});

	it('creates, reads, updates, filters and deletes activities', async () => {
		const api = sim.api<CrmComBackofficeApi>('crmcom');
		const contactId = [...api.contacts.keys()][0];
		const created = await call('POST', '/activities', {
			data: {
				name: 'Demo call',
				type_id: 'type-visit',
				scheduled_on: { from_date: 1700000000 },
				linked_to: [{ type: 'CONTACT', id: contactId }],
				custom_fields: [{ key: 'k', value: 'v' }],
			},
		});
		expect(created.status).toBe(201);
		const id = created.data.id as string;
		const got = await call('GET', `/activities/${id}`);
		expect(got.data).toMatchObject({
			id,
			name: 'Demo call',
			state: 'PENDING',
			type: { id: 'type-visit' },
			contact: { id: contactId },
		});
		await call('PUT', `/activities/${id}`, { data: { state: 'COMPLETED' } });
		const completed = await call('GET', '/activities', {
			params: {
				states: 'COMPLETED',
				contact_id: contactId,
				include_custom_fields: true,
				search_value: 'demo',
			},
		});
		expect(completed.data.content.map((a: { id: string }) => a.id)).toEqual([id]);
		expect(completed.data.content[0].custom_fields).toEqual([{ key: 'k', value: 'v' }]);
		const since = (await call('GET', `/activities/${id}`)).data.key_dates.completed_on as number;
		const byDate = await call('GET', '/activities', { params: { 'completed_on[gte]': since } });
		expect(byDate.data.content.map((a: { id: string }) => a.id)).toEqual([id]);
		expect((await call('DELETE', `/activities/${id}`)).status).toBe(204);
		expect((await call('GET', `/activities/${id}`)).status).toBe(404);
	});

	it('validates required activity fields', async () => {
		const reply = await call('POST', '/activities', { data: { name: 'x' } });
		expect(reply.status).toBe(400);
		expect(reply.data.parameters).toEqual(['type_id']);
	});
});

describe('simulator: faults and request log', () => {
	it('answers 429/503 with Retry-After for the next N matching requests only', async () => {
		sim.inject({ kind: 'status429', count: 2, retryAfter: 3, path: '/contacts' });
		const a = await call('GET', '/contacts');
		const b = await call('GET', '/activities');
		const c = await call('GET', '/contacts');
		const d = await call('GET', '/contacts');
		expect([a.status, b.status, c.status, d.status]).toEqual([429, 200, 429, 200]);
		expect(a.headers['retry-after']).toBe('3');
		sim.inject({ kind: 'status503', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
		const e = await call('GET', '/contacts');
		expect(e.status).toBe(503);
		expect(e.headers['retry-after']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
	});

	it('resets the connection before applying a change (nothing stored)', async () => {
		const api = sim.api<CrmComBackofficeApi>('crmcom');
		const before = api.activities.size;
		sim.inject({ kind: 'resetBefore', method: 'POST' });
		const contactId = [...api.contacts.keys()][0];
		await expect(
			call('POST', '/activities', {
				data: {
					name: 'x',
					type_id: 't',
					scheduled_on: { from_date: 1 },
					linked_to: [{ type: 'CONTACT', id: contactId }],
				},
			}),
		).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(api.activities.size).toBe(before);
	});

	it('resets the connection after applying a change (stored, reply lost)', async () => {
		const api = sim.api<CrmComBackofficeApi>('crmcom');
		const before = api.activities.size;
		sim.inject({ kind: 'resetAfter', method: 'POST' });
		const contactId = [...api.contacts.keys()][0];
		await expect(
			call('POST', '/activities', {
				data: {
					name: 'x',
					type_id: 't',
					scheduled_on: { from_date: 1 },
					linked_to: [{ type: 'CONTACT', id: contactId }],
				},
			}),
		).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(api.activities.size).toBe(before + 1);
	});

	it('delays, answers non-JSON 200s and token-expired bodies', async () => {
		sim.inject({ kind: 'delay', delayMs: 150 });
		const started = Date.now();
		await call('GET', '/contacts');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		sim.inject({ kind: 'nonJson' });
		const html = await call('GET', '/contacts', { responseType: 'text' });
		expect(html.status).toBe(200);
		expect(html.data).toContain('<html>');
		sim.inject({ kind: 'tokenExpired' });
		const expired = await call('GET', '/contacts');
		expect(expired.status).toBe(401);
		expect(expired.data.error).toBe('CRM.EXCEPTIONS.TOKENEXPIREDEXCEPTION');
	});

	it('answers 429 at once above N requests in flight (a concurrency rate limit), counting them', async () => {
		sim.rateLimit = { maxInFlight: 2, retryAfterS: 1 };
		sim.latencyMs = 100;
		try {
			const replies = await Promise.all(
				Array.from({ length: 5 }, async () => await call('GET', '/activities')),
			);
			const statuses = replies.map((r) => r.status).sort();
			expect(statuses).toEqual([200, 200, 429, 429, 429]);
			const limited = replies.find((r) => r.status === 429)!;
			expect(limited.headers['retry-after']).toBe('1');
			expect(sim.log.rateLimited).toBe(3);
			for (const entry of sim.log.all())
				expect(entry.status === 429).toBe((entry.inFlight ?? 0) > 2);
			sim.reset();
			expect(sim.rateLimit).toBeUndefined();
			expect(sim.log.rateLimited).toBe(0);
			expect((await call('GET', '/activities')).status).toBe(200);
		} finally {
			sim.latencyMs = 0;
		}
	});

	it('applies a latency to every request', async () => {
		sim.latencyMs = 60;
		const started = Date.now();
		await call('GET', '/contacts');
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
		sim.latencyMs = 0;
	});

	it('records every request with method, path, query, body and headers', async () => {
		await call('GET', '/contacts', { params: { search_value: 'ada' } });
		await call('PUT', '/contacts/nope', { data: { email: 'a@b.co' } });
		const log = sim.log.all();
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			method: 'GET',
			path: '/crmcom/backoffice/v2/contacts',
			query: { search_value: 'ada' },
			status: 200,
		});
		expect(log[0].headers.api_key).toBe(CRMCOM_DEMO.apiKey);
		expect(log[1]).toMatchObject({ method: 'PUT', body: { email: 'a@b.co' }, status: 404 });
		expect(sim.log.count('/contacts', 'PUT')).toBe(1);
	});

	it('is controllable over HTTP: faults, paging mode, log, reset', async () => {
		await axios.post(`${sim.url}/_sim/faults`, { kind: 'status503', retryAfter: 1 });
		expect((await call('GET', '/contacts')).status).toBe(503);
		await axios.post(`${sim.url}/_sim/crmcom/paging`, { mode: 'hasMore' });
		expect((await call('GET', '/contacts')).data.paging.has_more).toBe(true);
		const log = await axios.get(`${sim.url}/_sim/log`);
		expect(log.data.requests).toHaveLength(2);
		await axios.post(`${sim.url}/_sim/reset`, {});
		expect((await axios.get(`${sim.url}/_sim/log`)).data.requests).toHaveLength(0);
	});
});

describe('simulator profiles', () => {
	afterEach(() => sim.setProfile('classic'));

	it('are switched from the control endpoint, for every API or one, and kept across resets', async () => {
		const all = await axios.post(`${sim.url}/_sim/profile`, { profile: 'live' });
		expect(all.data.profiles).toEqual({
			crmcom: 'live',
			cention: 'live',
			lightening: 'live',
			crmcomLegacy: 'live',
			centrixone: 'live',
		});
		const one = await axios.post(`${sim.url}/_sim/profile`, { profile: 'docs', api: 'cention' });
		expect(one.data.profiles).toMatchObject({ crmcom: 'live', cention: 'docs' });
		await axios.post(`${sim.url}/_sim/reset`, {});
		expect((await axios.get(`${sim.url}/_sim/profile`)).data.profiles.cention).toBe('docs');
		const bad = await axios.post(
			`${sim.url}/_sim/profile`,
			{ profile: 'guess' },
			{ validateStatus: () => true },
		);
		expect(bad.status).toBe(400);
	});

	it('CentrixOne writes: bare under docs and live, per contact under classic; refusals as set by the control', async () => {
		const url = `${sim.baseUrl('centrixone')}/Contacts-${CENTRIX_DEMO.account}-${CENTRIX_DEMO.apiKey}-C.awp`;
		const post = async (contacts: object[]) =>
			await axios.post(url, { Contacts: contacts }, { validateStatus: () => true });
		const good = { ExternalID: 'W-1', Name: 'Good' };
		const bad = { ExternalID: 'W-2', Email: 'not-an-email' };
		expect((await post([good])).data.Contacts).toHaveLength(1);
		for (const profile of ['docs', 'live'] as const) {
			sim.setProfile(profile, 'centrixone');
			expect((await post([good])).data).toEqual({ Result: 'Success' });
			const refused = await post([good, bad]);
			expect([refused.status, refused.data]).toEqual([400, 'Invalid email not-an-email']);
		}
		const control = `${sim.url}/_sim/centrixone/write-reply`;
		const set = await axios.post(control, { refusal: 'json200', atomic: true });
		expect(set.data.writeReply).toEqual({ mode: 'bare', refusal: 'json200', atomic: true });
		const before = sim.api<CentrixOneApi>('centrixone').contacts.size;
		const refused = await post([{ ExternalID: 'W-3' }, bad]);
		expect([refused.status, refused.data]).toEqual([
			200,
			{ Result: 'Error', Error: 'Invalid email not-an-email' },
		]);
		expect(sim.api<CentrixOneApi>('centrixone').contacts.size).toBe(before);
		await axios.post(control, { mode: 'perRecord' });
		expect(
			(await post([good, bad])).data.Contacts.map((c: { Result: string }) => c.Result),
		).toEqual(['Success', 'Error']);
		expect((await axios.post(control, { mode: 'profile' })).data.writeReply.mode).toBe('bare');
		expect(
			(await axios.post(control, { mode: 'guess' }, { validateStatus: () => true })).status,
		).toBe(404);
	});

	it('CRM.COM docs: paging {page, size asked, total}; contacts ignore the undocumented email filter', async () => {
		sim.setProfile('docs');
		const reply = await call('GET', '/activities', { params: { page: 5, size: 7 } });
		expect(reply.data.paging).toEqual({ page: 5, size: 7, total: 30 });
		expect(reply.data.content).toHaveLength(2);
		expect(reply.data.content[0].key_dates).toEqual({
			created_on: expect.any(Number),
			scheduled_on: expect.any(Object),
		});
		const filtered = await call('GET', '/contacts', { params: { email: 'contact1@example.com' } });
		expect(filtered.data.content).toHaveLength(10);
	});

	it('CRM.COM live: total null + has_more + size = records on the page, null messages, custom_fields 500, the bare token and the secret key', async () => {
		sim.setProfile('live');
		const last = await call('GET', '/activities', { params: { page: 5, size: 7 } });
		expect(last.data.paging).toEqual({ page: 5, size: 2, total: null, has_more: false });
		const first = await call('GET', '/activities', { params: { page: 1, size: 7 } });
		expect(first.data.paging).toEqual({ page: 1, size: 7, total: null, has_more: true });
		const ignored = await call('GET', '/contacts', { params: { custom_fields: 'a;b' } });
		expect(ignored.data.content).toHaveLength(10);
		const missing = await call('GET', '/activities/nope');
		expect(missing.data).toMatchObject({ status: 404, message: null });
		expect((await call('GET', '/custom_fields')).status).toBe(500);
		const login = await call('POST', '/users/authenticate', {
			data: { provider: 'EMAIL', username: CRMCOM_DEMO.username, password: CRMCOM_DEMO.password },
		});
		const bare = await call('GET', '/activities', {
			headers: { api_key: CRMCOM_DEMO.secretKey, authorization: login.data.access_token },
		});
		expect(bare.status).toBe(200);
		sim.setProfile('docs');
		const refused = await call('GET', '/activities', {
			headers: { api_key: CRMCOM_DEMO.secretKey, authorization: login.data.access_token },
		});
		expect(refused.status).toBe(401);
	});
});
