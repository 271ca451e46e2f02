import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** What n8n's credential test says: OK, or an error with its message. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** `={{ expr }}` strings resolved against `$credentials`, as n8n resolves them. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value === 'string' && value.startsWith('=')) {
		const text = value.slice(1);
		const whole = /^\{\{([\s\S]*)\}\}$/.exec(text.trim());
		const evaluate = (expr: string): unknown =>
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			new Function('$credentials', `return (${expr});`)(credentials) as unknown;
		if (whole && !whole[1].includes('}}')) return evaluate(whole[1]);
		return text.replace(/\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => String(evaluate(expr)));
	}
	if (Array.isArray(value)) return value.map((v) => resolve(v, credentials));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [resolve(k, credentials), resolve(v, credentials)]),
		);
	}
	return value;
}

/** lodash `get` on a path such as `errors[0].status`. */
function get(body: unknown, path: string): unknown {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter(Boolean)
		.reduce<unknown>(
			(node, key) =>
				node !== null && typeof node === 'object'
					? (node as Record<string, unknown>)[key]
					: undefined,
			body,
		);
}

async function send(options: IHttpRequestOptions): Promise<{ status: number; body: unknown }> {
	const url = new URL(options.url, options.baseURL ? `${options.baseURL}/` : undefined);
	if (options.baseURL) url.href = `${options.baseURL.replace(/\/+$/, '')}${options.url}`;
	for (const [k, v] of Object.entries((options.qs ?? {}) as IDataObject))
		url.searchParams.append(k, String(v));
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = String(v);
	let payload: string | undefined;
	if (options.body !== undefined && options.method !== 'GET') {
		payload = JSON.stringify(options.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
			headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers,
		body: payload,
		redirect: 'manual',
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text) as unknown;
	} catch {
		// a text body stays text
	}
	return { status: response.status, body };
}

/**
 * Runs a credential's `test` the way n8n's CredentialsTester does: defaults applied,
 * `preAuthentication` run when an expirable field is empty, `authenticate` applied, then the
 * request; a non-2xx reply fails unless `ignoreHttpStatusErrors` (with `responseCode` rules
 * giving the message), and each `responseSuccessBody` rule fails the test when the reply's value
 * at `key` equals `value`.
 */
export async function testCredential(
	type: ICredentialType,
	given: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = type.test;
	if (!test) throw new Error(`${type.name} has no test`);
	const data: ICredentialDataDecryptedObject = {};
	for (const p of type.properties) if (p.default !== undefined) data[p.name] = p.default as string;
	Object.assign(data, given);
	try {
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable && !data[expirable.name] && typeof type.preAuthentication === 'function') {
			const helpers = {
				httpRequest: async (options: IHttpRequestOptions) => {
					const reply = await send(options);
					if (reply.status >= 400) throw new Error(`HTTP ${reply.status}`);
					return reply.body;
				},
			};
			const out = await type.preAuthentication.call({ helpers } as never, data);
			Object.assign(data, out);
		}
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	let options = resolve(test.request, data) as IHttpRequestOptions;
	options = { ...options, url: options.url ?? '' };
	const { authenticate } = type;
	if (typeof authenticate === 'function') {
		options = await authenticate(data, options);
	} else if (authenticate?.type === 'generic') {
		const props = resolve(authenticate.properties, data) as Record<string, IDataObject>;
		for (const [outer, pairs] of Object.entries(props)) {
			const target = ((options as unknown as Record<string, IDataObject>)[outer] ??= {});
			Object.assign(target, pairs);
		}
	}
	const reply = await send(options);
	if ((reply.status < 200 || reply.status > 299) && !options.ignoreHttpStatusErrors) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === reply.status)
				return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: `Received HTTP status code: ${reply.status}` };
	}
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(reply.body, rule.properties.key) === rule.properties.value
		)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
