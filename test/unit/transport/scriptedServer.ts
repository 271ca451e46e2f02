import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: a status and body, a dropped connection, or no answer at all. */
export type Step =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| 'reset'
	| 'hang';

/**
 * A real HTTP server on 127.0.0.1 that answers requests by a script, one step per request
 * (the last step repeats), and counts them: network failures that nock cannot fake faithfully.
 */
export async function scriptedServer(steps: Step[]) {
	const received: Array<{ method: string; url: string; body: string }> = [];
	const hung: http.ServerResponse[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			received.push({ method: req.method ?? '', url: req.url ?? '', body });
			const step = steps[Math.min(received.length - 1, steps.length - 1)];
			if (step === 'reset') {
				req.socket.destroy();
				return;
			}
			if (step === 'hang') {
				hung.push(res);
				return;
			}
			res.writeHead(step.status, { 'Content-Type': 'application/json', ...(step.headers ?? {}) });
			res.end(step.body === undefined ? '' : JSON.stringify(step.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		async close() {
			for (const res of hung) res.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPort(): Promise<string> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}
