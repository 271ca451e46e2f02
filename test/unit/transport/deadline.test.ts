import net from 'node:net';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

import { executeNode } from '../../harness/harness';
import { ProbeApi } from '../../fixtures/probeCredential';
import { RequestProbe } from '../../fixtures/RequestProbe.node';

/**
 * Issue #16.9: Timeout bounds a whole attempt and Retry Budget the whole call, even against a
 * server that trickles one byte every 300 ms (an idle timeout never fires on it).
 */
async function tricklingServer(everyMs: number, bytes: number, headersFirst = false) {
	const timers = new Set<NodeJS.Timeout>();
	let requests = 0;
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		socket.once('data', () => {
			requests++;
			const body = `{"ok":"${'x'.repeat(bytes)}"}`;
			const head = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
			let text = headersFirst ? body : head + body;
			if (headersFirst) socket.write(head);
			const timer = setInterval(() => {
				if (socket.destroyed || text === '') {
					clearInterval(timer);
					timers.delete(timer);
					if (!socket.destroyed) socket.end();
					return;
				}
				socket.write(text[0]);
				text = text.slice(1);
			}, everyMs);
			timers.add(timer);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => requests,
		async close() {
			for (const timer of timers) clearInterval(timer);
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function run(baseUrl: string, options: Record<string, number>) {
	return executeNode({
		node: new RequestProbe(),
		credentialTypes: [new ProbeApi()],
		credentials: { probeApi: { baseUrl, apiKey: 'deadline-key-123456' } },
		parameters: {
			resource: 'probe',
			operation: 'send',
			method: 'GET',
			path: '/things',
			options,
		} as never,
	});
}

beforeAll(() => nock.enableNetConnect());

describe('deadlines, not idle timeouts', () => {
	it('Timeout 1 s ends an attempt trickling a byte every 300 ms after about 1 s', async () => {
		const server = await tricklingServer(300, 0); // the status line and headers alone: 30 s
		const started = Date.now();
		const result = await run(server.url, { timeout: 1, maxAttempts: 1 });
		const took = Date.now() - started;
		await server.close();
		expect(result.error?.message).toContain('no complete reply within 1000 ms');
		// the trickle would last 30 s; a loaded machine may add a little to the 1 s
		expect(took).toBeLessThan(5000);
		expect(server.requests()).toBe(1);
	});

	it('Retry Budget 2 s ends the whole call, retries included, after about 2 s', async () => {
		const server = await tricklingServer(300, 40);
		const started = Date.now();
		const result = await run(server.url, { timeout: 8, maxAttempts: 10, retryBudget: 2 });
		const took = Date.now() - started;
		await server.close();
		expect(result.error?.message).toContain('no complete reply within');
		// one attempt alone may take 8 s: the budget, not the timeout, ends the call
		expect(took).toBeLessThan(5000);
		expect(server.requests()).toBeGreaterThanOrEqual(1);
		expect(server.requests()).toBeLessThanOrEqual(3);
	});

	it('Timeout 1 s ends an attempt whose body trickles after the headers', async () => {
		const server = await tricklingServer(300, 40, true);
		const started = Date.now();
		const result = await run(server.url, { timeout: 1, maxAttempts: 1 });
		const took = Date.now() - started;
		await server.close();
		expect(result.error).toBeDefined();
		expect(took).toBeLessThan(5000);
	});

	it('a reply that completes inside the deadline is returned whole', async () => {
		const server = await tricklingServer(5, 5); // the whole reply in about 0.5 s
		const result = await run(server.url, { timeout: 10, maxAttempts: 1 });
		await server.close();
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ status: 200, body: { ok: 'xxxxx' } });
	});
});
