import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';
import { header, issueJwt, json } from './shared';

/**
 * CRM.COM legacy REST v2: `{server}/crmapi/rest/v2/<entity>/<action>`, the token in the query
 * (GET) or the JSON body (POST), replies `{data, status: {code, description, message}}` in HTTP
 * 200 whatever happened. Decisions where the docs are silent (mirrored by the node): an invalid
 * or expired token answers status code `INVALID_TOKEN`; identifiers are `key=value` in a query
 * and `{key: value}` in a body; lists answer `{data: [...]}` and honour offset/number_of_results
 * (at most 50).
 *
 * Profiles: under `docs` and `live` a contact is read back with the set names the docs use in
 * `fields_set` (`addresses_set`, `phones_set`, `emails_set`) although the create body sends
 * `address_set`, `phone_set`, `email_set` (the docs' create example), and an unknown contact
 * information answers `NOT_FOUND` in the envelope; `classic` reads back what was sent.
 */

export const LEGACY_DEMO = {
	username: 'legacy.user',
	password: 'sim-legacy-Passw0rd',
	organisation: 'DEMO',
	webApiKey: 'sim-legacy-web-api-key-61f0',
	provider: 'GP1',
};

type Contact = Record<string, unknown> & { id: string; number: string };

const ok = (data: unknown): SimResponse =>
	json(200, { data, status: { code: 'OK', description: 'Success', message: '' } });
const fail = (code: string, description: string, message = ''): SimResponse =>
	json(200, { data: null, status: { code, description, message } });

export class CrmComLegacyApi implements SimApi {
	key = 'crmcomLegacy';

	name = 'CRM.COM legacy REST v2';

	prefix = '/crmcom-legacy/crmapi/rest/v2';

	profile: SimProfile = 'classic';

	contacts = new Map<string, Contact>();

	provisioning: Array<Record<string, unknown>> = [];

	tokens = new Map<string, number>();

	tokenTtlMs = 2 * 60 * 60 * 1000;

	logins = 0;

	demoCredentials = {
		server: '(this simulator)/crmcom-legacy',
		username: LEGACY_DEMO.username,
		password: LEGACY_DEMO.password,
		organisation: LEGACY_DEMO.organisation,
		webApiKey: LEGACY_DEMO.webApiKey,
	};

	routes: Route[] = [
		{ method: 'POST', path: '/authentication/token', handler: (r) => this.login(r) },
		{
			method: 'POST',
			path: '/authentication/web_api_key/token',
			handler: (r) => this.loginWithKey(r),
		},
		{ method: 'GET', path: '/contact_information/show', handler: this.guard((r) => this.show(r)) },
		{ method: 'GET', path: '/contact_information/list', handler: this.guard((r) => this.list(r)) },
		{
			method: 'POST',
			path: '/contact_information/create',
			handler: this.guard((r) => this.create(r)),
		},
		{
			method: 'POST',
			path: '/contact_information/update',
			handler: this.guard((r) => this.update(r)),
		},
		{
			method: 'GET',
			path: '/provisioning/generic_provisioning_requests/get_pending',
			handler: this.guard((r) => this.pending(r)),
		},
	];

	reset(seed: boolean): void {
		this.contacts.clear();
		this.provisioning = [];
		this.tokens.clear();
		this.logins = 0;
		this.tokenTtlMs = 2 * 60 * 60 * 1000;
		if (seed) {
			for (let n = 1; n <= 5; n++)
				this.insert({ type: 'PERSON', first_name: `Legacy${n}`, last_name: 'Customer' });
			this.seedProvisioning(12);
		}
	}

	seedProvisioning(count: number): void {
		const start = this.provisioning.length;
		for (let n = 0; n < count; n++) {
			this.provisioning.push({
				id: `PR${String(start + n + 1).padStart(6, '0')}`,
				provider: LEGACY_DEMO.provider,
				action: 'ACTIVATE',
				state: 'PENDING',
			});
		}
	}

	insert(data: Record<string, unknown>): Contact {
		const number = `CI${String(this.contacts.size + 1).padStart(6, '0')}`;
		const contact: Contact = {
			...this.readNames(data),
			id: `ci-${this.contacts.size + 1}`,
			number,
		};
		this.contacts.set(contact.id, contact);
		return contact;
	}

	/** Under `docs`/`live`: the create body's set names as the read side names them. */
	private readNames(data: Record<string, unknown>): Record<string, unknown> {
		if (this.profile === 'classic') return data;
		const names: Record<string, string> = {
			address_set: 'addresses_set',
			phone_set: 'phones_set',
			email_set: 'emails_set',
		};
		return Object.fromEntries(Object.entries(data).map(([k, v]) => [names[k] ?? k, v]));
	}

	tokenExpiredResponse(): SimResponse {
		return fail('INVALID_TOKEN', 'Invalid or expired token', 'The token is not valid anymore');
	}

	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	private issue(): SimResponse {
		this.logins++;
		const { token, expiresAt } = issueJwt(
			{ sub: LEGACY_DEMO.username, org: LEGACY_DEMO.organisation },
			this.tokenTtlMs,
		);
		this.tokens.set(token, expiresAt);
		return ok({ token });
	}

	private login(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (
			body.username !== LEGACY_DEMO.username ||
			body.password !== LEGACY_DEMO.password ||
			body.organisation !== LEGACY_DEMO.organisation
		) {
			return fail('INVALID_CREDENTIALS', 'Invalid username, password or organisation');
		}
		return this.issue();
	}

	private loginWithKey(request: SimRequest): SimResponse {
		const auth = header(request, 'authorization') ?? '';
		if (auth !== `Basic ${LEGACY_DEMO.webApiKey}`)
			return fail('INVALID_CREDENTIALS', 'Invalid web API key');
		return this.issue();
	}

	private guard(handler: (r: SimRequest) => SimResponse): (r: SimRequest) => SimResponse {
		return (request) => {
			const token =
				request.method === 'GET'
					? request.query.token
					: ((request.body ?? {}) as Record<string, unknown>).token;
			const expires = typeof token === 'string' ? this.tokens.get(token) : undefined;
			if (expires === undefined || expires < Date.now()) return this.tokenExpiredResponse();
			return handler(request);
		};
	}

	private pick(contact: Contact, fieldsSet: string | undefined): Record<string, unknown> {
		if (!fieldsSet) return contact;
		const wanted = fieldsSet
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean);
		return Object.fromEntries(
			Object.entries(contact).filter(([k]) => k === 'id' || wanted.includes(k)),
		);
	}

	/** `number=CI000001` (query) or `{ number: 'CI000001' }` (body). */
	find(identifier: unknown): Contact | undefined {
		let key: string | undefined;
		let value: string | undefined;
		if (typeof identifier === 'string') [key, value] = identifier.split(/=(.*)/s);
		else if (identifier && typeof identifier === 'object')
			[[key, value]] = Object.entries(identifier as Record<string, string>);
		if (!key || value === undefined) return undefined;
		return [...this.contacts.values()].find((c) => String(c[key as string]) === value);
	}

	private show(request: SimRequest): SimResponse {
		if (!request.query.contact_information_identifier)
			return fail('MISSING_PARAMETER', 'contact_information_identifier is required');
		const contact = this.find(request.query.contact_information_identifier);
		if (!contact)
			return fail(
				'NOT_FOUND',
				'Contact information not found',
				request.query.contact_information_identifier,
			);
		return ok(this.pick(contact, request.query.fields_set));
	}

	private range<T>(request: SimRequest, list: T[]): SimResponse | T[] {
		const offset = Number(request.query.offset ?? 0);
		const count = Number(request.query.number_of_results ?? 50);
		if (!Number.isInteger(count) || count < 1 || count > 50)
			return fail('INVALID_PARAMETER', 'number_of_results must be between 1 and 50');
		if (!Number.isInteger(offset) || offset < 0)
			return fail('INVALID_PARAMETER', 'offset must be 0 or more');
		return list.slice(offset, offset + count);
	}

	private list(request: SimRequest): SimResponse {
		const page = this.range(request, [...this.contacts.values()]);
		return Array.isArray(page) ? ok(page.map((c) => this.pick(c, request.query.fields_set))) : page;
	}

	private pending(request: SimRequest): SimResponse {
		const provider = request.query.provisioning_provider_identifier;
		if (!provider) return fail('MISSING_PARAMETER', 'provisioning_provider_identifier is required');
		const [key, value] = provider.split(/=(.*)/s);
		const pending = this.provisioning.filter(
			(p) => key === 'alternative_code' && p.provider === value && p.state === 'PENDING',
		);
		const page = this.range(request, pending);
		return Array.isArray(page) ? ok(page) : page;
	}

	private validate(body: Record<string, unknown>): SimResponse | undefined {
		if (body.type !== undefined && !['PERSON', 'COMPANY'].includes(String(body.type)))
			return fail('INVALID_PARAMETER', 'type must be PERSON or COMPANY');
		for (const email of (body.email_set as Array<{ email_address?: string }> | undefined) ?? []) {
			if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(email.email_address)))
				return fail('INVALID_PARAMETER', 'Invalid email address', String(email.email_address));
		}
		return undefined;
	}

	private create(request: SimRequest): SimResponse {
		const { token: _token, fields_set, ...body } = (request.body ?? {}) as Record<string, unknown>;
		if (!body.type) return fail('MISSING_PARAMETER', 'type is required');
		if (body.type === 'PERSON' && !body.last_name)
			return fail('MISSING_PARAMETER', 'last_name is required for a person');
		if (body.type === 'COMPANY' && !body.company_name)
			return fail('MISSING_PARAMETER', 'company_name is required for a company');
		const invalid = this.validate(body);
		if (invalid) return invalid;
		const contact = this.insert(body);
		return ok(this.pick(contact, fields_set as string | undefined));
	}

	private update(request: SimRequest): SimResponse {
		const {
			token: _token,
			fields_set,
			contact_information_identifier,
			...body
		} = (request.body ?? {}) as Record<string, unknown>;
		const contact = this.find(contact_information_identifier);
		if (!contact) return fail('NOT_FOUND', 'Contact information not found');
		const invalid = this.validate(body);
		if (invalid) return invalid;
		Object.assign(contact, this.readNames(body), { id: contact.id, number: contact.number });
		return ok(this.pick(contact, fields_set as string | undefined));
	}
}
