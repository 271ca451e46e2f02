import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HandledRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

export interface HandledReply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * A real HTTP server on 127.0.0.1 whose replies are computed by `handle` from each request: a
 * CRM reading of the docs written in a few lines (a reply shape the simulator does not give,
 * a change made between two page requests). Every request is kept in `received`.
 */
export async function handlerServer(
	handle: (request: HandledRequest) => HandledReply | Promise<HandledReply>,
) {
	const received: HandledRequest[] = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			let body: unknown = text;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				// not JSON: kept as text
			}
			const request: HandledRequest = {
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams.entries()),
				headers: req.headers,
				body,
			};
			received.push(request);
			void Promise.resolve(handle(request)).then((reply) => {
				res.writeHead(reply.status, {
					'Content-Type': 'application/json',
					...(reply.headers ?? {}),
				});
				res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
