import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	createCrmClient,
	pagingOf,
	requestOptions,
	type CrmClientConfig,
	type ListStyle,
} from '../../nodes/shared/client';
import { credentialsOf, crmRequest } from '../../nodes/shared/transport/request';
import type { ApiProfile, CrmReply, RequestContext } from '../../nodes/shared/transport/types';

/**
 * The client factory's wiring (nodes/shared/client.ts): what each CRM's transport hands to the
 * shared request layer and to the paginators. The request layer itself is replaced here (its
 * own tests drive it against real sockets); the paginators are the real ones.
 */
jest.mock('../../nodes/shared/transport/request', () => ({
	credentialsOf: jest.fn(),
	crmRequest: jest.fn(),
}));

const mockedCredentials = credentialsOf as jest.MockedFunction<typeof credentialsOf>;
const mockedRequest = crmRequest as jest.MockedFunction<typeof crmRequest>;

const profile = { name: 'Test CRM' } as unknown as ApiProfile;
const ctx = { marker: 'the node context' } as unknown as RequestContext;
const CREDENTIALS = { baseUrl: 'https://crm.example/api/v1', apiKey: 'k' };

/** What crmRequest was called with, per call: `this`, profile, type, request, options. */
function sent(): Array<{
	self: unknown;
	profile: unknown;
	type: unknown;
	request: IDataObject;
	options: unknown;
}> {
	return mockedRequest.mock.calls.map((args, k) => ({
		self: mockedRequest.mock.contexts[k],
		profile: args[0],
		type: args[1],
		request: args[2] as unknown as IDataObject,
		options: args[3],
	}));
}

/** A reply queue: each crmRequest call takes the next body (or the reply a function builds). */
function replies(...bodies: Array<unknown | ((request: IDataObject) => unknown)>): void {
	let k = 0;
	mockedRequest.mockImplementation(async (_profile, _type, request) => {
		const next = bodies[Math.min(k++, bodies.length - 1)];
		const body =
			typeof next === 'function'
				? (next as (r: IDataObject) => unknown)(request as unknown as IDataObject)
				: next;
		return { statusCode: 200, headers: {}, body } as CrmReply;
	});
}

function config(list: ListStyle, extra: Partial<CrmClientConfig> = {}): CrmClientConfig {
	return {
		profile,
		credentialType: 'testCrmApi',
		baseUrl: (credentials) => String(credentials.baseUrl),
		list,
		...extra,
	};
}

const SINGLE: ListStyle = {
	style: 'single',
	readAll: (body) => (body as { rows: IDataObject[] }).rows,
};

beforeEach(() => {
	mockedRequest.mockReset();
	mockedCredentials.mockReset();
	mockedCredentials.mockResolvedValue(CREDENTIALS);
});

describe('send and request', () => {
	it('sends one call below the base URL with its method, query, body, headers and settings', async () => {
		replies({ id: 7 });
		const client = createCrmClient(config(SINGLE));
		const reply = await client.send(ctx, {
			method: 'POST',
			path: 'contacts/7',
			qs: { expand: 'all' },
			body: { name: 'Ada' },
			headers: { 'X-Trace': '1' },
			idempotent: true,
			itemIndex: 3,
			options: { timeoutMs: 5000 },
		});
		expect(reply.body).toEqual({ id: 7 });
		expect(mockedCredentials).toHaveBeenCalledWith(ctx, 'testCrmApi');
		const [call] = sent();
		expect(call.self).toBe(ctx);
		expect(call.profile).toBe(profile);
		expect(call.type).toBe('testCrmApi');
		expect(call.request).toEqual({
			method: 'POST',
			url: 'https://crm.example/api/v1/contacts/7',
			qs: { expand: 'all' },
			body: { name: 'Ada' },
			headers: { 'X-Trace': '1' },
			idempotent: true,
			itemIndex: 3,
		});
		expect(call.options).toEqual({ timeoutMs: 5000 });
	});

	it('leaves out a body and headers the call does not have (no `body: undefined` key)', async () => {
		replies({});
		await createCrmClient(config(SINGLE)).send(ctx, { method: 'GET', path: '/contacts' });
		const [call] = sent();
		expect(Object.keys(call.request)).not.toContain('body');
		expect(Object.keys(call.request)).not.toContain('headers');
		expect(call.request.url).toBe('https://crm.example/api/v1/contacts');
		expect(call.options).toBeUndefined();
	});

	it('reads the credential type from the context when the CRM has several', async () => {
		replies({});
		const pick = jest.fn((_: RequestContext) => 'otherCrmApi');
		const client = createCrmClient(config(SINGLE, { credentialType: pick }));
		expect(client.credentialType(ctx)).toBe('otherCrmApi');
		await client.send(ctx, { method: 'GET', path: 'x' });
		expect(pick).toHaveBeenCalledWith(ctx);
		expect(mockedCredentials).toHaveBeenCalledWith(ctx, 'otherCrmApi');
		expect(sent()[0].type).toBe('otherCrmApi');
	});

	it("uses the CRM's own URL and body builders where it has them", async () => {
		replies({});
		const url = jest.fn(
			(base: string, call: { path: string }, credentials: IDataObject) =>
				`${base}/${String(credentials.apiKey)}/${call.path}.awp`,
		);
		const body = jest.fn(() => ({ wrapped: true }));
		const client = createCrmClient(config(SINGLE, { url, body }));
		await client.send(ctx, { method: 'POST', path: 'Contact', body: { a: 1 } });
		expect(url).toHaveBeenCalledWith(
			'https://crm.example/api/v1',
			expect.objectContaining({ path: 'Contact' }),
			CREDENTIALS,
		);
		expect(sent()[0].request.url).toBe('https://crm.example/api/v1/k/Contact.awp');
		expect(sent()[0].request.body).toEqual({ wrapped: true });
	});

	it('a body builder that gives no body sends none', async () => {
		replies({});
		const client = createCrmClient(config(SINGLE, { body: () => undefined }));
		await client.send(ctx, { method: 'POST', path: 'x', body: { a: 1 } });
		expect(Object.keys(sent()[0].request)).not.toContain('body');
	});

	it('request returns the body, `{}` for an empty one, or what the CRM unwraps', async () => {
		replies({ data: { id: 1 } }, undefined, null);
		const plain = createCrmClient(config(SINGLE));
		expect(await plain.request(ctx, { method: 'GET', path: 'a' })).toEqual({ data: { id: 1 } });
		expect(await plain.request(ctx, { method: 'GET', path: 'b' })).toEqual({});
		expect(await plain.request(ctx, { method: 'GET', path: 'c' })).toEqual({});

		replies({ data: { id: 2 } });
		const unwrap = jest.fn((reply: CrmReply) => (reply.body as { data: unknown }).data);
		const enveloped = createCrmClient(config(SINGLE, { unwrap }));
		expect(await enveloped.request(ctx, { method: 'GET', path: 'd' })).toEqual({ id: 2 });
		expect(unwrap).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 200 }));
	});

	it('baseUrl reads the credential in use', async () => {
		const client = createCrmClient(
			config(SINGLE, { baseUrl: (credentials) => `${String(credentials.baseUrl)}/checked` }),
		);
		expect(await client.baseUrl(ctx)).toBe('https://crm.example/api/v1/checked');
		expect(mockedCredentials).toHaveBeenCalledWith(ctx, 'testCrmApi');
		expect(mockedRequest).not.toHaveBeenCalled();
	});
});

describe('list: one reply', () => {
	it('a GET of the path with its query; Return All gives every row, a limit the first ones', async () => {
		const rows = Array.from({ length: 5 }, (_, k) => ({ id: k }));
		replies({ rows });
		const client = createCrmClient(config(SINGLE));
		expect(
			await client.list(ctx, { path: 'contacts', qs: { q: 'a' } }, { returnAll: true }),
		).toEqual(rows);
		expect(await client.list(ctx, { path: 'contacts' }, { returnAll: false, limit: 2 })).toEqual(
			rows.slice(0, 2),
		);
		const calls = sent();
		expect(calls).toHaveLength(2);
		expect(calls[0].request).toMatchObject({
			method: 'GET',
			url: 'https://crm.example/api/v1/contacts',
			qs: { q: 'a' },
		});
		expect(calls[1].request.qs).toEqual({});
	});

	it('hands the call to readAll (a CRM reads its rows by the object asked for)', async () => {
		replies({ rows: [{ id: 1 }] });
		const readAll = jest.fn((body: unknown) => (body as { rows: IDataObject[] }).rows);
		const client = createCrmClient(config({ style: 'single', readAll }));
		await client.list(ctx, { path: 'p', itemIndex: 4 }, { returnAll: true });
		expect(readAll).toHaveBeenCalledWith(
			{ rows: [{ id: 1 }] },
			expect.objectContaining({ path: 'p', itemIndex: 4 }),
		);
	});

	it('a limit of 0 sends nothing', async () => {
		const client = createCrmClient(config(SINGLE));
		expect(await client.list(ctx, { path: 'p' }, { returnAll: false, limit: 0 })).toEqual([]);
		expect(mockedRequest).not.toHaveBeenCalled();
	});
});

/** A page/size list of `count` records, answering from the query of each request. */
function pagedList(count: number, pageParam = 'page', sizeParam = 'size') {
	const all = Array.from({ length: count }, (_, k) => ({ id: k + 1 }));
	return (request: IDataObject) => {
		const qs = request.qs as Record<string, number>;
		const page = qs[pageParam];
		const size = qs[sizeParam];
		return { items: all.slice((page - 1) * size, page * size), total: count };
	};
}

const PAGED: ListStyle = {
	style: 'page',
	pageParam: 'page',
	sizeParam: 'size',
	maxPageSize: 10,
	defaultPageSize: 4,
	readPage: (body) => body as { items: IDataObject[]; total: number },
};

describe('list: page and size', () => {
	it('pages with the default page size, its own query kept, every record once in order', async () => {
		replies(pagedList(10));
		const client = createCrmClient(config(PAGED));
		const out = await client.list(
			ctx,
			{ path: 'contacts', qs: { sort: 'id' } },
			{ returnAll: true },
		);
		expect(out.map((r) => (r as IDataObject).id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const qs = sent().map((c) => c.request.qs as IDataObject);
		expect(qs.map((q) => q.page).sort()).toEqual([1, 2, 3]);
		expect(qs.every((q) => q.size === 4 && q.sort === 'id')).toBe(true);
		expect(sent().every((c) => c.request.method === 'GET')).toBe(true);
	});

	it("uses the CRM's parameter names", async () => {
		replies(pagedList(3, 'pg', 'per'));
		const client = createCrmClient(
			config({ ...PAGED, pageParam: 'pg', sizeParam: 'per' } as ListStyle),
		);
		expect(await client.list(ctx, { path: 'c' }, { returnAll: true })).toHaveLength(3);
		expect(sent()[0].request.qs).toEqual({ pg: 1, per: 4 });
	});

	it("the user's page size wins, within 1 and the CRM's maximum", async () => {
		const client = createCrmClient(config(PAGED));
		const sizeAsked = async (pageSize: number): Promise<unknown> => {
			mockedRequest.mockReset();
			replies(pagedList(30));
			await client.list(ctx, { path: 'c' }, { returnAll: true, pageSize });
			return (sent()[0].request.qs as IDataObject).size;
		};
		expect(await sizeAsked(7)).toBe(7);
		expect(await sizeAsked(50)).toBe(10);
		expect(await sizeAsked(-3)).toBe(1);
		expect(await sizeAsked(0)).toBe(4);
	});

	it("fetches pages at once up to the user's concurrency, else the CRM's default, else one", async () => {
		const widest = async (style: ListStyle, concurrency?: number): Promise<number> => {
			mockedRequest.mockReset();
			let open = 0;
			let most = 0;
			const answer = pagedList(40);
			mockedRequest.mockImplementation(async (_p, _t, request) => {
				open++;
				most = Math.max(most, open);
				await new Promise((resolve) => setTimeout(resolve, 5));
				open--;
				return {
					statusCode: 200,
					headers: {},
					body: answer(request as unknown as IDataObject),
				} as CrmReply;
			});
			const out = await createCrmClient(config(style)).list(
				ctx,
				{ path: 'c' },
				{ returnAll: true, pageSize: 4, concurrency },
			);
			expect(out).toHaveLength(40);
			return most;
		};
		expect(await widest(PAGED)).toBe(1);
		expect(await widest({ ...PAGED, defaultConcurrency: 3 } as ListStyle)).toBeGreaterThan(1);
		expect(await widest({ ...PAGED, defaultConcurrency: 3 } as ListStyle, 1)).toBe(1);
		expect(await widest(PAGED, 4)).toBeGreaterThan(1);
	});

	it('hands each page and the call to readPage, and keeps a limit', async () => {
		replies(pagedList(30));
		const readPage = jest.fn((body: unknown) => body as { items: IDataObject[] });
		const client = createCrmClient(config({ ...PAGED, readPage } as ListStyle));
		const out = await client.list(ctx, { path: 'c', itemIndex: 2 }, { returnAll: false, limit: 6 });
		expect(out).toHaveLength(6);
		expect(readPage).toHaveBeenCalledWith(
			expect.objectContaining({ total: 30 }),
			expect.objectContaining({ path: 'c', itemIndex: 2 }),
		);
	});
});

describe('list: offset and count', () => {
	const OFFSET: ListStyle = {
		style: 'offset',
		offsetParam: 'offset',
		countParam: 'number_of_results',
		maxPageSize: 5,
		readPage: (body) => ({ items: body as IDataObject[] }),
	};
	const ranged = (count: number) => {
		const all = Array.from({ length: count }, (_, k) => ({ id: k }));
		return (request: IDataObject) => {
			const qs = request.qs as Record<string, number>;
			return all.slice(qs.offset, qs.offset + qs.number_of_results);
		};
	};

	it("asks ranges of the CRM's maximum by default, the user's page size when smaller", async () => {
		replies(ranged(12));
		const client = createCrmClient(config(OFFSET));
		expect(await client.list(ctx, { path: 'c', qs: { f: 1 } }, { returnAll: true })).toHaveLength(
			12,
		);
		expect(sent().map((c) => c.request.qs)).toEqual([
			{ f: 1, offset: 0, number_of_results: 5 },
			{ f: 1, offset: 5, number_of_results: 5 },
			{ f: 1, offset: 10, number_of_results: 5 },
		]);

		mockedRequest.mockReset();
		replies(ranged(12));
		expect(
			await client.list(ctx, { path: 'c' }, { returnAll: false, limit: 7, pageSize: 3 }),
		).toHaveLength(7);
		expect(sent().map((c) => (c.request.qs as IDataObject).number_of_results)).toEqual([3, 3, 1]);

		mockedRequest.mockReset();
		replies(ranged(12));
		await client.list(ctx, { path: 'c' }, { returnAll: true, pageSize: 50 });
		expect((sent()[0].request.qs as IDataObject).number_of_results).toBe(5);
	});
});

describe("reading the user's settings", () => {
	function node(parameters: IDataObject): IExecuteFunctions {
		return {
			getInputData: () => [{ json: {} }],
			getNodeParameter: jest.fn((name: string, _i: number, fallback?: unknown) =>
				name in parameters ? parameters[name] : fallback,
			),
		} as unknown as IExecuteFunctions;
	}

	it('Return All: no limit is read; page size, concurrency and page cap from Options', () => {
		const ctx1 = node({
			returnAll: true,
			limit: 9,
			options: { pageSize: 25, concurrency: 3, maxPages: 7 },
		});
		expect(pagingOf(ctx1, 0)).toEqual({
			returnAll: true,
			limit: undefined,
			pageSize: 25,
			concurrency: 3,
			maxPages: 7,
		});
	});

	it("a limit, the CRM's defaults where the user set nothing, 50 when Limit is unset", () => {
		expect(
			pagingOf(node({ returnAll: false, limit: 9 }), 1, { pageSize: 100, concurrency: 2 }),
		).toEqual({ returnAll: false, limit: 9, pageSize: 100, concurrency: 2, maxPages: undefined });
		expect(pagingOf(node({}), 0)).toEqual({
			returnAll: false,
			limit: 50,
			pageSize: undefined,
			concurrency: undefined,
			maxPages: undefined,
		});
	});

	it('reads the item asked for', () => {
		const ctx1 = node({ returnAll: false, limit: 3 });
		pagingOf(ctx1, 5);
		const asked = (ctx1.getNodeParameter as jest.Mock).mock.calls;
		expect(asked.length).toBeGreaterThan(0);
		expect(asked.every((call: unknown[]) => call[1] === 5)).toBe(true);
	});

	it("requestOptions: the item's timeout and retries in the transport's units", () => {
		expect(
			requestOptions(node({ options: { timeout: 2, maxAttempts: 3, retryBudget: 10 } }), 0),
		).toEqual({ timeoutMs: 2000, maxAttempts: 3, retryBudgetMs: 10000 });
		expect(requestOptions(node({}), 0)).toEqual({});
	});
});
