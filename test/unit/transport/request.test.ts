import nock from 'nock';

import { useFakeClock } from '../../lib/fakeClock';
import {
	PROBE_BASE as BASE,
	PROBE_KEY as KEY,
	runProbe as run,
	useProbeNetwork,
} from '../../lib/requestProbe';
import { closedPort, scriptedServer } from './scriptedServer';

const clockState = useFakeClock();
useProbeNetwork();

describe('crmRequest: retries and waits', () => {
	it('honours Retry-After in seconds on 429, then succeeds', async () => {
		const scope = nock(BASE)
			.get('/things')
			.reply(429, { message: 'slow down' }, { 'Retry-After': '2' })
			.get('/things')
			.reply(200, { ok: true });
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ status: 200, body: { ok: true } });
		// 2 s, plus a jitter of up to a fifth of it (random() is 0.5: 200 ms)
		expect(clockState.waits).toEqual([2200]);
		expect(scope.isDone()).toBe(true);
	});

	it('honours Retry-After as an HTTP date on 503', async () => {
		const retryAt = new Date(clockState.now + 3000).toUTCString();
		nock(BASE)
			.get('/things')
			.reply(503, 'busy', { 'Retry-After': retryAt })
			.get('/things')
			.reply(200, { ok: true });
		const result = await run({});
		expect(result.error).toBeUndefined();
		// 3 s, plus half of the jitter's fifth (300 ms)
		expect(clockState.waits).toEqual([3300]);
	});

	it('backs off exponentially with full jitter when no Retry-After is given', async () => {
		nock(BASE)
			.get('/things')
			.reply(502, 'bad gateway')
			.get('/things')
			.reply(504, 'timeout')
			.get('/things')
			.reply(200, { ok: true });
		const result = await run({});
		expect(result.error).toBeUndefined();
		// random() is 0.5: half of 500 ms, then half of 1000 ms
		expect(clockState.waits).toEqual([250, 500]);
	});

	it('retries a GET after a connection reset', async () => {
		const server = await scriptedServer(['reset', { status: 200, body: { ok: true } }]);
		const result = await run({}, server.url);
		await server.close();
		expect(result.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
		expect(clockState.waits).toHaveLength(1);
	});

	it('gives up after Max Attempts with the last error and the attempt count', async () => {
		const scope = nock(BASE).get('/things').times(3).reply(503, { message: 'down' });
		const result = await run({ options: { maxAttempts: 3 } });
		expect(result.error?.message).toBe('Probe CRM: down');
		expect(result.error?.description).toContain('Gave up after 3 attempts');
		expect(scope.isDone()).toBe(true);
	});

	it('stops when the next wait would exceed the retry budget', async () => {
		const scope = nock(BASE)
			.get('/things')
			.reply(429, { message: 'later' }, { 'Retry-After': '600' });
		const result = await run({ options: { retryBudget: 120 } });
		expect(result.error?.message).toBe('Probe CRM: later');
		expect(result.error?.httpCode).toBe('429');
		expect(clockState.waits).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('does not retry a 400', async () => {
		nock(BASE).get('/things').reply(400, { message: 'bad field' });
		const result = await run({});
		expect(result.error?.message).toBe('Probe CRM: bad field');
		expect(clockState.waits).toEqual([]);
	});
});

describe('crmRequest: writes are never sent twice unless safe', () => {
	const post = { method: 'POST', path: '/things', body: '{"name":"x"}' };

	it('does not retry a POST after a reset mid-reply, and says the outcome is unknown', async () => {
		const server = await scriptedServer(['reset', { status: 201, body: { id: 1 } }]);
		const result = await run(post, server.url);
		await server.close();
		expect(server.received).toHaveLength(1);
		expect(result.error?.message).toContain('Network error');
		expect(result.error?.description).toContain('Outcome unknown');
	});

	it('does not retry a POST after a timeout', async () => {
		const server = await scriptedServer(['hang', { status: 201, body: { id: 1 } }]);
		const result = await run({ ...post, options: { timeout: 1 } }, server.url);
		await server.close();
		expect(server.received).toHaveLength(1);
		expect(result.error?.description).toContain('Outcome unknown');
	});

	it('retries a GET after a timeout', async () => {
		const server = await scriptedServer(['hang', { status: 200, body: { ok: 1 } }]);
		const result = await run({ options: { timeout: 1 } }, server.url);
		await server.close();
		expect(result.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
	});

	it('retries a POST after 429 (the server did not process it)', async () => {
		const scope = nock(BASE)
			.post('/things', { name: 'x' })
			.reply(429, {}, { 'Retry-After': '1' })
			.post('/things', { name: 'x' })
			.reply(201, { id: 7 });
		const result = await run(post);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.body).toEqual({ id: 7 });
		expect(scope.isDone()).toBe(true);
	});

	it('retries a POST after 503 with Retry-After but not after a bare 503', async () => {
		nock(BASE)
			.post('/things')
			.reply(503, {}, { 'Retry-After': '0' })
			.post('/things')
			.reply(201, { id: 8 });
		expect((await run(post)).items[0].json.body).toEqual({ id: 8 });
		const bare = nock(BASE).post('/things').reply(503, { message: 'down' });
		const result = await run(post);
		expect(result.error?.message).toBe('Probe CRM: down');
		expect(bare.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('retries a POST when the connection was refused (never sent)', async () => {
		const result = await run({ ...post, options: { maxAttempts: 3 } }, await closedPort());
		expect(result.error?.message).toContain('refused the connection');
		expect(clockState.waits).toHaveLength(2);
	});

	it('retries a POST marked idempotent (an upsert by external id) after a reset', async () => {
		const server = await scriptedServer(['reset', { status: 200, body: { id: 10 } }]);
		const result = await run({ ...post, idempotent: 'true' }, server.url);
		await server.close();
		expect(result.error).toBeUndefined();
		expect(server.received).toHaveLength(2);
	});
});

describe('crmRequest: failures inside 2xx replies', () => {
	it('treats a 200 whose body is not JSON as a retryable failure on reads', async () => {
		nock(BASE)
			.get('/things')
			.reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' })
			.get('/things')
			.reply(200, { ok: true });
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(clockState.waits).toHaveLength(1);
	});

	it('fails a POST whose 200 body is not JSON without re-sending it', async () => {
		const scope = nock(BASE).post('/things').reply(200, 'OK!', { 'Content-Type': 'text/plain' });
		const result = await run({ method: 'POST', path: '/things', body: '{}' });
		expect(result.error?.message).toBe(
			'Probe CRM: The service answered with a body that is not JSON',
		);
		expect(scope.isDone()).toBe(true);
	});

	it('turns `result: false` in a 200 into an error carrying the CRM message', async () => {
		nock(BASE).get('/things').reply(200, { result: false, error: 'Customer is locked' });
		const result = await run({});
		expect(result.error?.message).toBe('Probe CRM: Customer is locked');
	});
});

describe('crmRequest: secrets and URLs', () => {
	it('removes a key placed in a path segment and in a query string from message and description', async () => {
		nock(BASE)
			.get(`/api/${KEY}/things`)
			.query({ token: KEY })
			.reply(404, {
				message: `No route for /api/${KEY}/things?token=${KEY}`,
				description: `key ${encodeURIComponent(KEY)} unknown`,
			});
		const result = await run({ path: `/api/${KEY}/things?token=${KEY}` });
		expect(result.error).toBeDefined();
		const shown = JSON.stringify({
			message: result.error?.message,
			description: result.error?.description,
			context: result.error?.context,
		});
		expect(shown).not.toContain(KEY);
		expect(result.error?.message).toContain('[redacted]');
		// everything of the error but the node's own parameters (where this test typed the key)
		const { node: _node, ...errorWithoutNode } = JSON.parse(
			JSON.stringify(result.run.data.resultData.error),
		) as Record<string, unknown>;
		expect(JSON.stringify(errorWithoutNode)).not.toContain(KEY);
	});

	it('rejects a plain-http base URL that is not loopback, before sending anything', async () => {
		const result = await run({}, 'http://crm.example.com');
		expect(result.error?.message).toContain('must start with https://');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
