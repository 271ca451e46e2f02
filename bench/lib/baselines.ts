import http from 'node:http';

import axios, { type AxiosInstance } from 'axios';

/**
 * The plain-client baselines: what a script with axios does without the pack — one request
 * after another, the same pages and bodies as the node sends.
 */
export function plainClient(headers: Record<string, string>): AxiosInstance {
	return axios.create({
		headers,
		httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
		validateStatus: () => true,
	});
}

/** Sequential page/size loop until a short page (stops on `paging.total` when given). */
export async function plainPagedLoop(
	client: AxiosInstance,
	url: string,
	pageSize: number,
): Promise<{ items: unknown[]; requests: number }> {
	const items: unknown[] = [];
	let requests = 0;
	for (let page = 1; page < 100_000; page++) {
		requests++;
		const reply = await client.get(url, { params: { page, size: pageSize } });
		if (reply.status >= 400) throw new Error(`plain loop: HTTP ${reply.status}`);
		const body = reply.data as {
			content: unknown[];
			paging: { total?: number | null; has_more?: boolean };
		};
		items.push(...body.content);
		if (body.content.length < pageSize) break;
		if (body.paging.has_more === false) break;
		if (typeof body.paging.total === 'number' && page * pageSize >= body.paging.total) break;
	}
	return { items, requests };
}

/** Sequential: one POST per record. */
export async function plainPostEach(
	client: AxiosInstance,
	url: string,
	bodies: unknown[],
): Promise<{ requests: number }> {
	for (const body of bodies) {
		const reply = await client.post(url, body);
		if (reply.status >= 400) throw new Error(`plain loop: HTTP ${reply.status}`);
	}
	return { requests: bodies.length };
}

/** Batched: chunks of `batchSize` in one POST each, `concurrency` at a time. */
export async function plainBatched(
	client: AxiosInstance,
	url: string,
	records: unknown[],
	batchSize: number,
	concurrency: number,
	wrap: (chunk: unknown[]) => unknown,
): Promise<{ requests: number }> {
	const chunks: unknown[][] = [];
	for (let k = 0; k < records.length; k += batchSize) chunks.push(records.slice(k, k + batchSize));
	let next = 0;
	const worker = async () => {
		while (next < chunks.length) {
			const chunk = chunks[next++];
			const reply = await client.post(url, wrap(chunk));
			if (reply.status >= 400) throw new Error(`plain batched: HTTP ${reply.status}`);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
	return { requests: chunks.length };
}
