import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';
import { bearerOf, epochSeconds, header, intParam, issueJwt, json, uuid } from './shared';

/**
 * CRM.COM Back-Office API v5 as its docs describe it: `api_key` header or a user JWT as
 * `authorization: Bearer`, JSON error bodies `{status, message, error, parameters}`, lists as
 * `{content, paging: {page, size, total}}` with `page` from 1 and `size` default 10.
 *
 * Profiles (where the docs are silent):
 * - `docs`: `paging` = `{page, size: the page size asked, total}`; contacts (undocumented) apply
 *   only the list filters the docs name for lists (`search_value`, `custom_fields`,
 *   `include_custom_fields`) and ignore `email`/`code`/`phone`; activity `key_dates` hold only
 *   `created_on` and `scheduled_on` (completion in Get Activity's `states[]`); only the
 *   `Bearer` scheme and the API key.
 * - `live`: what the public client `dmcken/crm5_bo` found: `paging` = `{page, size: records on
 *   the page, total: null, has_more}`; unknown filters silently ignored (contacts honour only
 *   `search_value` and `include_custom_fields`); errors with `message: null`; `GET
 *   /custom_fields` answers 500; after login the token may come without a scheme and `api_key`
 *   may hold the account's secret key; `key_dates` as in `docs`.
 * - `classic`: the first reading: `paging.total`, every filter applied, dates in `key_dates`.
 */

export type PagingMode = 'total' | 'nullTotal' | 'noTotal' | 'hasMore';

export interface CrmComContact {
	id: string;
	code?: string;
	type: 'PERSON' | 'COMPANY';
	first_name?: string;
	last_name?: string;
	company_name?: string;
	email?: string;
	phone?: string;
	custom_fields?: Array<{ key: string; value: string }>;
	created_date: number;
	updated_date: number;
	[key: string]: unknown;
}

export interface CrmComActivity {
	id: string;
	name: string;
	description?: string;
	state: 'PENDING' | 'COMPLETED' | 'CANCELLED';
	type_id: string;
	address_id?: string;
	use_entity_address?: boolean;
	scheduled_on: { from_date: number; to_date?: number | null };
	linked_to: Array<{ type: string; id: string }>;
	assign_to?: { user_id?: string; team_id?: string } | null;
	custom_fields: Array<{ key: string; value: string }>;
	tag_ids: string[];
	created_on: number;
	updated_on: number;
	completed_on?: number;
}

export interface CrmComAccount {
	id: string;
	contact_id: string;
	name: string;
	number: string;
	is_primary: boolean;
	state: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
	currency_code: string;
	balance: number;
	overdue_amount: number;
	credit_limit: number;
	payment_terms_id?: string | null;
	classification_id?: string | null;
	billing_address_id?: string | null;
	created_on: number;
}

export const CRMCOM_DEMO = {
	apiKey: 'sim-crmcom-api-key-7f3a9c2e',
	/** The account's secret key, which the live client sends in `api_key` after login. */
	secretKey: 'sim-crmcom-secret-key-51d0b8aa',
	username: 'demo@crm.example',
	password: 'sim-Passw0rd!crmcom',
	activityTypes: [
		{ id: 'type-call', name: 'Call', color: '1E88E5' },
		{ id: 'type-visit', name: 'Site visit', color: '876FD5' },
		{ id: 'type-email', name: 'Email', color: '43A047' },
	],
	users: [
		{ id: 'user-1', name: 'Dana Agent', username: 'dana@crm.example' },
		{ id: 'user-2', name: 'Lee Manager', username: 'lee@crm.example' },
	],
	teams: [
		{ id: 'team-support', name: 'Support' },
		{ id: 'team-sales', name: 'Sales' },
	],
	tags: [
		{ id: 'tag-vip', name: 'VIP', colour: 'FF0000' },
		{ id: 'tag-maint', name: 'Maintenance', colour: 'FR547F' },
	],
};

const MAX_PAGE_SIZE = 250;

export class CrmComBackofficeApi implements SimApi {
	key = 'crmcom';

	name = 'CRM.COM Back-Office v5';

	prefix = '/crmcom/backoffice/v2';

	profile: SimProfile = 'classic';

	contacts = new Map<string, CrmComContact>();

	activities = new Map<string, CrmComActivity>();

	accounts = new Map<string, CrmComAccount>();

	insights = new Map<
		string,
		{
			id: string;
			name: string;
			description: string | null;
			events: unknown[];
			filters: unknown[];
			breakdowns: unknown[];
			created_on: number;
		}
	>();

	/** Issued JWTs and when they expire (ms since epoch). */
	tokens = new Map<string, number>();

	/** How long an issued access token lives. */
	tokenTtlMs = 60 * 60 * 1000;

	/**
	 * How lists report paging when forced (`total`, `total: null`, no total, `has_more`);
	 * undefined = as the profile does.
	 */
	pagingMode: PagingMode | undefined;

	/**
	 * Benchmarks: keep the sorted activity list between page requests, as a real CRM's index
	 * does, so that a page costs the page and not a sort of the whole table. Any write through
	 * the API or `insertActivity` drops it; tests that edit records in place leave it off.
	 */
	indexedLists = false;

	private activityIndex: { key: string; list: CrmComActivity[] } | undefined;

	/** Counts logins, for re-login tests. */
	logins = 0;

	/** Seeded records are dated in the past, one second apart; live writes get the real time. */
	private tick = epochSeconds() - 100_000;

	private seeding = false;

	/** The date (epoch seconds) for a record written now. */
	private stamp(): number {
		return this.seeding ? ++this.tick : epochSeconds();
	}

	demoCredentials = {
		baseUrl: '(this simulator)/crmcom/backoffice/v2',
		apiKey: CRMCOM_DEMO.apiKey,
		username: CRMCOM_DEMO.username,
		password: CRMCOM_DEMO.password,
	};

	routes: Route[] = [
		{ method: 'POST', path: '/users/authenticate', handler: (r) => this.authenticate(r) },
		{
			method: 'GET',
			path: '/custom_fields',
			handler: this.guard(() =>
				this.profile === 'live'
					? this.error(500, 'Internal server error', 'CRM.EXCEPTIONS.GENERALEXCEPTION')
					: this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION'),
			),
		},
		{ method: 'GET', path: '/contacts', handler: this.guard((r) => this.listContacts(r)) },
		{ method: 'POST', path: '/contacts', handler: this.guard((r) => this.createContact(r)) },
		{ method: 'GET', path: '/contacts/:id', handler: this.guard((r) => this.getContact(r)) },
		{ method: 'PUT', path: '/contacts/:id', handler: this.guard((r) => this.updateContact(r)) },
		{ method: 'GET', path: '/activities', handler: this.guard((r) => this.listActivities(r)) },
		{ method: 'POST', path: '/activities', handler: this.guard((r) => this.createActivity(r)) },
		{ method: 'GET', path: '/activities/:id', handler: this.guard((r) => this.getActivity(r)) },
		{ method: 'PUT', path: '/activities/:id', handler: this.guard((r) => this.updateActivity(r)) },
		{
			method: 'DELETE',
			path: '/activities/:id',
			handler: this.guard((r) => this.deleteActivity(r)),
		},
		{ method: 'GET', path: '/activities/:id/tags', handler: this.guard((r) => this.getTags(r)) },
		{ method: 'PUT', path: '/activities/:id/tags', handler: this.guard((r) => this.setTags(r)) },
		{ method: 'GET', path: '/accounts/:id', handler: this.guard((r) => this.getAccount(r)) },
		{ method: 'PUT', path: '/accounts/:id', handler: this.guard((r) => this.updateAccount(r)) },
		{
			method: 'POST',
			path: '/accounts/:id/actions',
			handler: this.guard((r) => this.accountAction(r)),
		},
		{
			method: 'GET',
			path: '/contacts/:id/accounts',
			handler: this.guard((r) => this.listAccounts(r)),
		},
		{
			method: 'POST',
			path: '/contacts/:id/accounts',
			handler: this.guard((r) => this.createAccount(r)),
		},
		{
			method: 'GET',
			path: '/organisations/:id/analytics',
			handler: this.guard((r) => this.analytics(r, undefined)),
		},
		{
			method: 'GET',
			path: '/contacts/:id/analytics',
			handler: this.guard((r) => this.analytics(r, r.params.id)),
		},
		{ method: 'POST', path: '/insights', handler: this.guard((r) => this.createInsight(r)) },
		{
			method: 'GET',
			path: '/insights',
			handler: this.guard((r) => this.page(r, [...this.insights.values()])),
		},
		{
			method: 'GET',
			path: '/insights/:id',
			handler: this.guard((r) => this.insightOr404(r, (i) => json(200, i))),
		},
		{
			method: 'PUT',
			path: '/insights/:id',
			handler: this.guard((r) => this.insightOr404(r, (i) => this.updateInsight(r, i))),
		},
		{
			method: 'DELETE',
			path: '/insights/:id',
			handler: this.guard((r) =>
				this.insightOr404(r, (i) =>
					this.insights.delete(i.id) ? { status: 204 } : { status: 404 },
				),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/events',
			handler: this.guard((r) => this.insightOr404(r, (i) => this.appendToInsight(r, i, 'events'))),
		},
		{
			method: 'POST',
			path: '/insights/:id/filters',
			handler: this.guard((r) =>
				this.insightOr404(r, (i) => this.appendToInsight(r, i, 'filters')),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/breakdowns',
			handler: this.guard((r) =>
				this.insightOr404(r, (i) => this.appendToInsight(r, i, 'breakdowns')),
			),
		},
		{
			method: 'GET',
			path: '/insights/:id/results',
			handler: this.guard((r) => this.insightOr404(r, (i) => json(200, this.insightResults(i)))),
		},
		{
			method: 'POST',
			path: '/insights/:id/preview',
			handler: this.guard((r) => this.insightOr404(r, (i) => json(200, this.insightResults(i)))),
		},
		{
			method: 'POST',
			path: '/insights/:id/exports',
			handler: this.guard((r) =>
				this.insightOr404(r, (i) => json(200, { id: `export-${i.id}`, status: 'QUEUED' })),
			),
		},
	];

	reset(seed: boolean): void {
		this.contacts.clear();
		this.activities.clear();
		this.accounts.clear();
		this.insights.clear();
		this.tokens.clear();
		this.logins = 0;
		this.pagingMode = undefined;
		this.indexedLists = false;
		this.activityIndex = undefined;
		this.tokenTtlMs = 60 * 60 * 1000;
		if (seed) this.seed(12, 30);
	}

	/** Adds `contacts` contacts and `activities` activities spread over them. */
	seed(contacts: number, activities: number): void {
		this.seeding = true;
		try {
			this.seedRecords(contacts, activities);
		} finally {
			this.seeding = false;
		}
	}

	private seedRecords(contacts: number, activities: number): void {
		const first = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis'];
		const last = [
			'Lovelace',
			'Hopper',
			'Turing',
			'Torvalds',
			'Hamilton',
			'Thompson',
			'Liskov',
			'Ritchie',
		];
		const contactIds: string[] = [];
		for (let n = 0; n < contacts; n++) {
			const c = this.insertContact({
				type: 'PERSON',
				first_name: first[n % first.length],
				last_name: last[(n * 3) % last.length],
				email: `contact${n + 1}@example.com`,
				phone: `+3572200${String(n).padStart(4, '0')}`,
				code: `C${String(n + 1).padStart(5, '0')}`,
			});
			contactIds.push(c.id);
			this.insertAccount({ contact_id: c.id, currency_code: 'EUR', is_primary: true });
		}
		for (let n = 0; n < activities; n++) {
			this.insertActivity({
				name: `Follow-up ${n + 1}`,
				description: 'Seeded activity',
				type_id: CRMCOM_DEMO.activityTypes[n % 3].id,
				scheduled_on: { from_date: this.tick + 3600, to_date: this.tick + 7200 },
				linked_to: contactIds.length
					? [{ type: 'CONTACT', id: contactIds[n % contactIds.length] }]
					: [],
				state: n % 5 === 0 ? 'COMPLETED' : 'PENDING',
			});
		}
	}

	insertContact(data: Partial<CrmComContact>): CrmComContact {
		const now = this.stamp();
		const contact: CrmComContact = {
			type: 'PERSON',
			...data,
			id: data.id ?? uuid(),
			created_date: now,
			updated_date: now,
		};
		this.contacts.set(contact.id, contact);
		return contact;
	}

	insertActivity(data: Partial<CrmComActivity>): CrmComActivity {
		const now = this.stamp();
		const activity: CrmComActivity = {
			name: 'Activity',
			state: 'PENDING',
			type_id: CRMCOM_DEMO.activityTypes[0].id,
			scheduled_on: { from_date: now },
			linked_to: [],
			custom_fields: [],
			tag_ids: [],
			...data,
			id: data.id ?? uuid(),
			created_on: data.created_on ?? now,
			updated_on: now,
		};
		if (activity.state === 'COMPLETED' && activity.completed_on === undefined)
			activity.completed_on = now;
		this.activities.set(activity.id, activity);
		this.activityIndex = undefined;
		return activity;
	}

	insertAccount(
		data: Partial<CrmComAccount> & { contact_id: string; currency_code: string },
	): CrmComAccount {
		const number = `AC${String(this.accounts.size + 1).padStart(6, '0')}`;
		const contact = this.contacts.get(data.contact_id);
		const account: CrmComAccount = {
			name: `${number} ${[contact?.first_name, contact?.last_name].filter(Boolean).join(' ')}`.trim(),
			number,
			is_primary: false,
			state: 'ACTIVE',
			balance: 0,
			overdue_amount: 0,
			credit_limit: 0,
			...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
			id: data.id ?? uuid(),
			created_on: this.stamp(),
		} as CrmComAccount;
		if (account.is_primary) {
			for (const other of this.accounts.values())
				if (other.contact_id === account.contact_id) other.is_primary = false;
		}
		this.accounts.set(account.id, account);
		return account;
	}

	tokenExpiredResponse(): SimResponse {
		return json(401, {
			status: 401,
			message: 'The access token has expired',
			error: 'CRM.EXCEPTIONS.TOKENEXPIREDEXCEPTION',
			parameters: [],
		});
	}

	private error(
		status: number,
		message: string,
		error: string,
		parameters: string[] = [],
	): SimResponse {
		return json(status, {
			status,
			message: this.profile === 'live' ? null : message,
			error,
			parameters,
		});
	}

	/** Is this query parameter applied to the contacts list under the current profile? */
	private contactFilter(name: 'email' | 'code' | 'phone' | 'custom_fields' | 'search_value'): boolean {
		if (this.profile === 'classic') return true;
		if (this.profile === 'docs') return ['search_value', 'custom_fields'].includes(name);
		return name === 'search_value';
	}

	/** Checks the `api_key` header or the `authorization: Bearer` JWT, as the real API does. */
	private guard(
		handler: (request: SimRequest) => SimResponse,
	): (request: SimRequest) => SimResponse {
		return (request) => {
			if (request.method !== 'GET') this.activityIndex = undefined;
			const apiKey = header(request, 'api_key');
			const bearer = this.tokenOf(request);
			const keys =
				this.profile === 'live' ? [CRMCOM_DEMO.apiKey, CRMCOM_DEMO.secretKey] : [CRMCOM_DEMO.apiKey];
			if (apiKey !== undefined && !keys.includes(apiKey)) {
				return this.error(401, 'Invalid API key', 'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION');
			}
			if (bearer !== undefined) {
				const expires = this.tokens.get(bearer);
				if (expires === undefined) {
					return this.error(
						401,
						'Invalid authentication token',
						'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION',
					);
				}
				if (expires < Date.now()) return this.tokenExpiredResponse();
			} else if (apiKey === undefined) {
				return this.error(
					401,
					'Authentication is required',
					'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION',
				);
			}
			return handler(request);
		};
	}

	/**
	 * The access token of a call: `authorization: Bearer <jwt>`; under `live` also the bare
	 * `authorization: <jwt>` the public client sends.
	 */
	private tokenOf(request: SimRequest): string | undefined {
		const bearer = bearerOf(request);
		if (bearer !== undefined || this.profile !== 'live') return bearer;
		const raw = header(request, 'authorization')?.trim();
		return raw ? raw : undefined;
	}

	private authenticate(request: SimRequest): SimResponse {
		const apiKey = header(request, 'api_key');
		if (apiKey !== CRMCOM_DEMO.apiKey) {
			return this.error(401, 'Invalid API key', 'CRM.EXCEPTIONS.UNAUTHORIZEDEXCEPTION');
		}
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.provider !== 'EMAIL') {
			return this.error(400, 'Unsupported provider', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
				'provider',
			]);
		}
		if (body.username !== CRMCOM_DEMO.username || body.password !== CRMCOM_DEMO.password) {
			return this.error(
				401,
				'Invalid username or password',
				'CRM.EXCEPTIONS.INVALIDCREDENTIALSEXCEPTION',
			);
		}
		this.logins++;
		const access = issueJwt({ sub: CRMCOM_DEMO.username, kind: 'access' }, this.tokenTtlMs);
		const refresh = issueJwt({ sub: CRMCOM_DEMO.username, kind: 'refresh' }, this.tokenTtlMs * 24);
		this.tokens.set(access.token, access.expiresAt);
		return json(200, {
			access_token: access.token,
			refresh_token: refresh.token,
			expiration_date: epochSeconds(access.expiresAt),
			mode: 'LIVE',
			lockout_date: null,
			password_expired: false,
		});
	}

	/** Expires every issued token now (tests of re-login). */
	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	/** Pages a list the way this API does, honouring `pagingMode`. */
	page<T, V = T>(request: SimRequest, all: T[], view?: (record: T) => V): SimResponse {
		const page = intParam(request.query.page, 1);
		const size = intParam(request.query.size, 10);
		if (!Number.isInteger(page) || page < 1) {
			return this.error(
				400,
				'page must be a positive integer',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['page'],
			);
		}
		if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
			return this.error(
				400,
				`size must be between 1 and ${MAX_PAGE_SIZE}`,
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['size'],
			);
		}
		const slice = all.slice((page - 1) * size, page * size);
		const content = view ? slice.map(view) : slice;
		if (this.pagingMode === undefined && this.profile === 'docs') {
			return json(200, { content, paging: { page, size, total: all.length } });
		}
		if (this.pagingMode === undefined && this.profile === 'live') {
			const paging = {
				page,
				size: content.length,
				total: null,
				has_more: page * size < all.length,
			};
			return json(200, { content, paging });
		}
		const mode = this.pagingMode ?? 'total';
		const paging: Record<string, unknown> = { page, size: content.length };
		if (mode === 'total') paging.total = all.length;
		if (mode === 'nullTotal') paging.total = null;
		if (mode === 'hasMore') paging.has_more = page * size < all.length;
		return json(200, { content, paging });
	}

	private contactView(contact: CrmComContact, includeCustom: boolean): Record<string, unknown> {
		const { custom_fields, ...rest } = contact;
		return includeCustom ? { ...rest, custom_fields: custom_fields ?? [] } : rest;
	}

	private listContacts(request: SimRequest): SimResponse {
		const search = this.contactFilter('search_value')
			? request.query.search_value?.toLowerCase()
			: undefined;
		let list = [...this.contacts.values()];
		if (search) {
			list = list.filter((c) =>
				[c.first_name, c.last_name, c.company_name, c.email, c.code, c.phone]
					.filter(Boolean)
					.some((v) => String(v).toLowerCase().includes(search)),
			);
		}
		for (const key of ['email', 'code', 'phone'] as const) {
			const wanted = this.contactFilter(key) ? request.query[key] : undefined;
			if (wanted !== undefined)
				list = list.filter((c) => String(c[key] ?? '').toLowerCase() === wanted.toLowerCase());
		}
		const customFilter = this.contactFilter('custom_fields') ? request.query.custom_fields : '';
		if (customFilter) {
			const [key, value] = customFilter.split(';');
			list = list.filter((c) =>
				(c.custom_fields ?? []).some((f) => f.key === key && f.value === value),
			);
		}
		list.sort((a, b) => b.created_date - a.created_date || a.id.localeCompare(b.id));
		const include = request.query.include_custom_fields === 'true';
		return this.page(
			request,
			list.map((c) => this.contactView(c, include)),
		);
	}

	private validateContact(
		body: Record<string, unknown>,
		creating: boolean,
	): SimResponse | undefined {
		if (creating && body.type !== undefined && !['PERSON', 'COMPANY'].includes(String(body.type))) {
			return this.error(
				400,
				'type must be PERSON or COMPANY',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['type'],
			);
		}
		const type = body.type ?? 'PERSON';
		if (creating && type === 'PERSON' && !body.last_name && !body.first_name) {
			return this.error(
				400,
				'A person needs a first or last name',
				'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION',
				['last_name'],
			);
		}
		if (creating && type === 'COMPANY' && !body.company_name) {
			return this.error(
				400,
				'A company needs company_name',
				'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION',
				['company_name'],
			);
		}
		if (
			body.email !== undefined &&
			body.email !== null &&
			!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email))
		) {
			return this.error(400, 'Invalid email address', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
				'email',
			]);
		}
		if (body.code) {
			const clash = [...this.contacts.values()].find((c) => c.code === body.code);
			if (clash && creating) {
				return this.error(
					409,
					'A contact with this code already exists',
					'CRM.EXCEPTIONS.ALREADYEXISTSEXCEPTION',
					['code', String(body.code)],
				);
			}
		}
		return undefined;
	}

	private createContact(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const invalid = this.validateContact(body, true);
		if (invalid) return invalid;
		const contact = this.insertContact(body as Partial<CrmComContact>);
		return json(201, { id: contact.id });
	}

	private getContact(request: SimRequest): SimResponse {
		const contact = this.contacts.get(request.params.id);
		if (!contact)
			return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
				'contact',
				request.params.id,
			]);
		return json(200, this.contactView(contact, request.query.include_custom_fields === 'true'));
	}

	private updateContact(request: SimRequest): SimResponse {
		const contact = this.contacts.get(request.params.id);
		if (!contact)
			return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
				'contact',
				request.params.id,
			]);
		const body = (request.body ?? {}) as Record<string, unknown>;
		const invalid = this.validateContact(body, false);
		if (invalid) return invalid;
		Object.assign(contact, body, {
			id: contact.id,
			created_date: contact.created_date,
			updated_date: this.stamp(),
		});
		return json(200, { id: contact.id });
	}

	activityView(
		activity: CrmComActivity,
		includeTags: boolean,
		includeCustom: boolean,
	): Record<string, unknown> {
		const contactLink = activity.linked_to.find((l) => l.type === 'CONTACT');
		const contact = contactLink ? this.contacts.get(contactLink.id) : undefined;
		const type = CRMCOM_DEMO.activityTypes.find((t) => t.id === activity.type_id) ?? {
			id: activity.type_id,
			name: activity.type_id,
		};
		const view: Record<string, unknown> = {
			id: activity.id,
			name: activity.name,
			description: activity.description ?? null,
			state: activity.state,
			key_dates:
				this.profile === 'classic'
					? {
							created_on: activity.created_on,
							updated_on: activity.updated_on,
							completed_on: activity.completed_on ?? null,
							scheduled_on: activity.scheduled_on,
						}
					: { created_on: activity.created_on, scheduled_on: activity.scheduled_on },
			type,
			contact: contact
				? {
						id: contact.id,
						name:
							[contact.first_name, contact.last_name].filter(Boolean).join(' ') ||
							contact.company_name,
						code: contact.code,
					}
				: contactLink
					? { id: contactLink.id }
					: null,
		};
		for (const link of activity.linked_to) {
			if (link.type === 'LEAD') view.lead = { id: link.id };
			if (link.type === 'SERVICE_REQUEST') view.service_request = { id: link.id };
			if (link.type === 'ORDER') view.order = { id: link.id };
		}
		if (activity.assign_to) {
			const user = CRMCOM_DEMO.users.find((u) => u.id === activity.assign_to?.user_id);
			const team = CRMCOM_DEMO.teams.find((t) => t.id === activity.assign_to?.team_id);
			view.assign_to = {
				user: activity.assign_to.user_id ? (user ?? { id: activity.assign_to.user_id }) : undefined,
				team: activity.assign_to.team_id ? (team ?? { id: activity.assign_to.team_id }) : undefined,
			};
		}
		if (includeCustom) view.custom_fields = activity.custom_fields;
		if (includeTags)
			view.tags = activity.tag_ids.map((id) => CRMCOM_DEMO.tags.find((t) => t.id === id) ?? { id });
		return view;
	}

	private listActivities(request: SimRequest): SimResponse {
		const q = request.query;
		const view = (a: CrmComActivity) =>
			this.activityView(a, q.include_tags === 'true', q.include_custom_fields === 'true');
		const { page: _page, size: _size, ...filters } = q;
		const indexKey = JSON.stringify(filters);
		if (this.indexedLists && this.activityIndex?.key === indexKey)
			return this.page(request, this.activityIndex.list, view);
		let list = [...this.activities.values()];
		const csv = (value: string | undefined) =>
			value
				? value
						.split(',')
						.map((v) => v.trim())
						.filter(Boolean)
				: undefined;
		const search = q.search_value?.toLowerCase();
		if (search)
			list = list.filter(
				(a) =>
					a.name.toLowerCase().includes(search) ||
					(a.description ?? '').toLowerCase().includes(search),
			);
		const types = csv(q.types);
		if (types) list = list.filter((a) => types.includes(a.type_id));
		const linkFilters: Array<[string, string]> = [
			['contact_id', 'CONTACT'],
			['service_request_id', 'SERVICE_REQUEST'],
			['lead_id', 'LEAD'],
			['order_id', 'ORDER'],
		];
		for (const [param, type] of linkFilters) {
			const id = q[param];
			if (id) list = list.filter((a) => a.linked_to.some((l) => l.type === type && l.id === id));
		}
		const states = csv(q.states);
		if (states) list = list.filter((a) => states.includes(a.state));
		const tags = csv(q.tag_ids);
		if (tags) list = list.filter((a) => a.tag_ids.some((t) => tags.includes(t)));
		if (q.assign_to_user_id)
			list = list.filter((a) => a.assign_to?.user_id === q.assign_to_user_id);
		if (q.assign_to_team_id)
			list = list.filter((a) => a.assign_to?.team_id === q.assign_to_team_id);
		if (q.custom_fields) {
			const [key, value] = q.custom_fields.split(';');
			list = list.filter((a) =>
				a.custom_fields.some((f) => f.key === key && (value === undefined || f.value === value)),
			);
		}
		const ops: Record<string, (a: number, b: number) => boolean> = {
			gt: (a, b) => a > b,
			gte: (a, b) => a >= b,
			lt: (a, b) => a < b,
			lte: (a, b) => a <= b,
		};
		for (const field of ['created_on', 'completed_on'] as const) {
			for (const [op, test] of Object.entries(ops)) {
				const raw = q[`${field}[${op}]`];
				if (raw === undefined) continue;
				const bound = Number(raw);
				if (!Number.isFinite(bound)) {
					return this.error(
						400,
						`${field}[${op}] must be an epoch number`,
						'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
						[field],
					);
				}
				list = list.filter((a) => a[field] !== undefined && test(a[field] as number, bound));
			}
		}
		const sort = q.sort ?? 'CREATED_DATE';
		const order = (q.order ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
		const keyOf: Record<string, (a: CrmComActivity) => number | string> = {
			CREATED_DATE: (a) => a.created_on,
			UPDATED_DATE: (a) => a.updated_on,
			NAME: (a) => a.name,
			SCHEDULED_DATE: (a) => a.scheduled_on.from_date,
		};
		const key = keyOf[sort];
		if (!key)
			return this.error(400, `Unsupported sort ${sort}`, 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
				'sort',
			]);
		list.sort((a, b) => {
			const x = key(a);
			const y = key(b);
			return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * order;
		});
		if (this.indexedLists) this.activityIndex = { key: indexKey, list };
		return this.page(request, list, view);
	}

	private validateActivity(
		body: Record<string, unknown>,
		creating: boolean,
	): SimResponse | undefined {
		const missing = (field: string) =>
			this.error(400, `${field} is required`, 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', [field]);
		if (creating) {
			if (!body.name) return missing('name');
			if (!body.type_id) return missing('type_id');
			const scheduled = body.scheduled_on as Record<string, unknown> | undefined;
			if (!scheduled || typeof scheduled.from_date !== 'number')
				return missing('scheduled_on.from_date');
			if (!Array.isArray(body.linked_to) || body.linked_to.length === 0)
				return missing('linked_to');
		}
		if (body.address_id && body.use_entity_address === true) {
			return this.error(
				400,
				'Specify either address_id or use_entity_address, not both',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['address_id'],
			);
		}
		if (
			body.state !== undefined &&
			!['PENDING', 'COMPLETED', 'CANCELLED'].includes(String(body.state))
		) {
			return this.error(400, 'Invalid state', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', ['state']);
		}
		if (Array.isArray(body.linked_to)) {
			for (const link of body.linked_to as Array<Record<string, unknown>>) {
				if (
					!['CONTACT', 'LEAD', 'SERVICE_REQUEST', 'ORDER'].includes(String(link.type)) ||
					!link.id
				) {
					return this.error(
						400,
						'Invalid linked_to entry',
						'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
						['linked_to'],
					);
				}
				if (link.type === 'CONTACT' && !this.contacts.has(String(link.id))) {
					return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
						'contact',
						String(link.id),
					]);
				}
			}
		}
		return undefined;
	}

	private createActivity(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const invalid = this.validateActivity(body, true);
		if (invalid) return invalid;
		const activity = this.insertActivity({
			name: String(body.name),
			description: body.description as string | undefined,
			type_id: String(body.type_id),
			address_id: body.address_id as string | undefined,
			use_entity_address: body.use_entity_address as boolean | undefined,
			scheduled_on: body.scheduled_on as CrmComActivity['scheduled_on'],
			linked_to: body.linked_to as CrmComActivity['linked_to'],
			assign_to: (body.assign_to as CrmComActivity['assign_to']) ?? null,
			custom_fields: (body.custom_fields as CrmComActivity['custom_fields']) ?? [],
		});
		return json(201, { id: activity.id });
	}

	private getActivity(request: SimRequest): SimResponse {
		const activity = this.activities.get(request.params.id);
		if (!activity)
			return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
				'activity',
				request.params.id,
			]);
		const view = this.activityView(activity, true, true);
		if (this.profile !== 'classic' && activity.completed_on !== undefined) {
			view.states = [{ state: 'COMPLETED', date: activity.completed_on }];
		}
		return json(200, view);
	}

	private updateActivity(request: SimRequest): SimResponse {
		const activity = this.activities.get(request.params.id);
		if (!activity)
			return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
				'activity',
				request.params.id,
			]);
		const body = (request.body ?? {}) as Record<string, unknown>;
		const invalid = this.validateActivity(body, false);
		if (invalid) return invalid;
		const now = this.stamp();
		for (const key of [
			'name',
			'description',
			'address_id',
			'scheduled_on',
			'assign_to',
			'custom_fields',
		] as const) {
			if (body[key] !== undefined)
				(activity as unknown as Record<string, unknown>)[key] = body[key];
		}
		if (Array.isArray(body.linked_to)) {
			const contactLinks = activity.linked_to.filter((l) => l.type === 'CONTACT');
			activity.linked_to = [
				...contactLinks,
				...(body.linked_to as CrmComActivity['linked_to']).filter((l) => l.type !== 'CONTACT'),
			];
		}
		if (body.state !== undefined && body.state !== activity.state) {
			activity.state = body.state as CrmComActivity['state'];
			activity.completed_on = activity.state === 'COMPLETED' ? now : undefined;
		}
		activity.updated_on = now;
		return json(200, { id: activity.id });
	}

	private deleteActivity(request: SimRequest): SimResponse {
		if (!this.activities.delete(request.params.id)) {
			return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
				'activity',
				request.params.id,
			]);
		}
		return { status: 204 };
	}

	private notFound(entity: string, id: string): SimResponse {
		return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [entity, id]);
	}

	private getTags(request: SimRequest): SimResponse {
		const activity = this.activities.get(request.params.id);
		if (!activity) return this.notFound('activity', request.params.id);
		const content = activity.tag_ids.map(
			(id) => CRMCOM_DEMO.tags.find((t) => t.id === id) ?? { id },
		);
		return json(200, { content });
	}

	private setTags(request: SimRequest): SimResponse {
		const activity = this.activities.get(request.params.id);
		if (!activity) return this.notFound('activity', request.params.id);
		const tags = (request.body as { tags?: unknown } | undefined)?.tags;
		if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
			return this.error(400, 'tags is required', 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', [
				'tags',
			]);
		}
		activity.tag_ids = [...new Set(tags as string[])];
		activity.updated_on = this.stamp();
		return json(200, { id: activity.id });
	}

	private accountView(account: CrmComAccount): Record<string, unknown> {
		return {
			id: account.id,
			name: account.name,
			number: account.number,
			is_primary: account.is_primary,
			state: account.state,
			currency_code: account.currency_code,
			balance: account.balance,
			overdue_amount: account.overdue_amount,
			credit_limit: account.credit_limit,
			payment_terms: account.payment_terms_id
				? { id: account.payment_terms_id, name: 'Net 7' }
				: null,
			classification: account.classification_id
				? { id: account.classification_id, name: 'Standard' }
				: null,
			billing_address: account.billing_address_id ? { id: account.billing_address_id } : null,
		};
	}

	private getAccount(request: SimRequest): SimResponse {
		const account = this.accounts.get(request.params.id);
		return account
			? json(200, this.accountView(account))
			: this.notFound('account', request.params.id);
	}

	private updateAccount(request: SimRequest): SimResponse {
		const account = this.accounts.get(request.params.id);
		if (!account) return this.notFound('account', request.params.id);
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (
			body.credit_limit !== undefined &&
			(typeof body.credit_limit !== 'number' || body.credit_limit < 0)
		) {
			return this.error(
				400,
				'credit_limit must be a positive number',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['credit_limit'],
			);
		}
		for (const key of [
			'classification_id',
			'billing_address_id',
			'credit_limit',
			'payment_terms_id',
		] as const) {
			if (body[key] !== undefined) (account as unknown as Record<string, unknown>)[key] = body[key];
		}
		if (body.is_primary === true) {
			for (const other of this.accounts.values())
				if (other.contact_id === account.contact_id) other.is_primary = false;
			account.is_primary = true;
		}
		return json(200, { id: account.id });
	}

	private accountAction(request: SimRequest): SimResponse {
		const account = this.accounts.get(request.params.id);
		if (!account) return this.notFound('account', request.params.id);
		const body = (request.body ?? {}) as { state?: string; account_id?: string };
		const allowed: Record<string, string[]> = {
			ACTIVE: ['SUSPENDED', 'TERMINATED'],
			SUSPENDED: ['ACTIVE', 'TERMINATED'],
			TERMINATED: [],
		};
		if (!body.state || !['ACTIVE', 'SUSPENDED', 'TERMINATED'].includes(body.state)) {
			return this.error(
				400,
				'state must be ACTIVE, SUSPENDED or TERMINATED',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['state'],
			);
		}
		if (!allowed[account.state].includes(body.state)) {
			return this.error(
				400,
				`An account in state ${account.state} cannot become ${body.state}`,
				'CRM.EXCEPTIONS.INVALIDSTATEEXCEPTION',
				['state'],
			);
		}
		if (body.account_id !== undefined && body.account_id !== null) {
			if (body.state !== 'TERMINATED') {
				return this.error(
					400,
					'account_id applies only when terminating',
					'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
					['account_id'],
				);
			}
			const target = this.accounts.get(body.account_id);
			if (!target || target.id === account.id || target.state === 'TERMINATED') {
				return this.error(
					400,
					'The balance transfer account must be another open account',
					'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
					['account_id'],
				);
			}
			target.balance += account.balance;
			account.balance = 0;
		}
		account.state = body.state as CrmComAccount['state'];
		return json(200, { id: account.id });
	}

	private listAccounts(request: SimRequest): SimResponse {
		if (!this.contacts.has(request.params.id)) return this.notFound('contact', request.params.id);
		let list = [...this.accounts.values()].filter((a) => a.contact_id === request.params.id);
		if (request.query.is_primary === 'true') list = list.filter((a) => a.is_primary);
		const states = request.query.state?.split(',').filter(Boolean);
		if (states?.length) list = list.filter((a) => states.includes(a.state));
		const order = (request.query.order ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
		const sort = request.query.sort ?? 'CREATED_DATE';
		list.sort(
			(a, b) =>
				(sort === 'NAME' ? a.name.localeCompare(b.name) : a.created_on - b.created_on) * order,
		);
		return this.page(
			request,
			list.map((a) => this.accountView(a)),
		);
	}

	private createAccount(request: SimRequest): SimResponse {
		if (!this.contacts.has(request.params.id)) return this.notFound('contact', request.params.id);
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.currency_code !== 'string' || !/^[A-Z]{3}$/.test(body.currency_code)) {
			return this.error(
				400,
				'currency_code must be a 3-letter ISO 4217 code',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['currency_code'],
			);
		}
		const clash = [...this.accounts.values()].find(
			(a) =>
				a.contact_id === request.params.id &&
				a.currency_code === body.currency_code &&
				a.state !== 'TERMINATED',
		);
		if (clash)
			return this.error(
				409,
				'The contact already has an account in this currency',
				'CRM.EXCEPTIONS.ALREADYEXISTSEXCEPTION',
				['currency_code'],
			);
		const account = this.insertAccount({
			contact_id: request.params.id,
			currency_code: body.currency_code,
			is_primary: body.is_primary === true,
			name: typeof body.name === 'string' && body.name ? body.name : undefined,
			classification_id: (body.classification_id as string) ?? null,
			billing_address_id: (body.billing_address_id as string) ?? null,
		} as CrmComAccount);
		return json(201, { id: account.id });
	}

	private analytics(request: SimRequest, contactId: string | undefined): SimResponse {
		if (contactId && !this.contacts.has(contactId)) return this.notFound('contact', contactId);
		const activities = [...this.activities.values()].filter(
			(a) => !contactId || a.linked_to.some((l) => l.id === contactId),
		);
		const accounts = [...this.accounts.values()].filter(
			(a) => !contactId || a.contact_id === contactId,
		);
		return json(200, {
			id: request.params.id,
			contacts: contactId ? 1 : this.contacts.size,
			accounts: {
				total: accounts.length,
				active: accounts.filter((a) => a.state === 'ACTIVE').length,
			},
			activities: {
				total: activities.length,
				pending: activities.filter((a) => a.state === 'PENDING').length,
				completed: activities.filter((a) => a.state === 'COMPLETED').length,
			},
			balance: accounts.reduce((sum, a) => sum + a.balance, 0),
		});
	}

	private insightOr404(
		request: SimRequest,
		then: (insight: NonNullable<ReturnType<typeof this.insights.get>>) => SimResponse,
	): SimResponse {
		const insight = this.insights.get(request.params.id);
		return insight ? then(insight) : this.notFound('insight', request.params.id);
	}

	private createInsight(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as { name?: unknown; description?: unknown };
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			return this.error(400, 'name is required', 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', [
				'name',
			]);
		}
		const insight = {
			id: uuid(),
			name: body.name,
			description: typeof body.description === 'string' ? body.description : null,
			events: [],
			filters: [],
			breakdowns: [],
			created_on: this.stamp(),
		};
		this.insights.set(insight.id, insight);
		return json(200, { id: insight.id });
	}

	private updateInsight(
		request: SimRequest,
		insight: NonNullable<ReturnType<typeof this.insights.get>>,
	): SimResponse {
		const body = (request.body ?? {}) as { name?: unknown; description?: unknown };
		if (body.name !== undefined) insight.name = String(body.name);
		if (body.description !== undefined)
			insight.description = body.description === null ? null : String(body.description);
		return json(200, { id: insight.id });
	}

	private appendToInsight(
		request: SimRequest,
		insight: NonNullable<ReturnType<typeof this.insights.get>>,
		key: 'events' | 'filters' | 'breakdowns',
	): SimResponse {
		if (!request.body || typeof request.body !== 'object')
			return this.error(
				400,
				`A JSON body is required`,
				'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION',
				[key],
			);
		insight[key].push(request.body);
		return json(200, { id: insight.id });
	}

	private insightResults(
		insight: NonNullable<ReturnType<typeof this.insights.get>>,
	): Record<string, unknown> {
		return {
			id: insight.id,
			name: insight.name,
			events: insight.events.length,
			filters: insight.filters.length,
			breakdowns: insight.breakdowns.length,
			rows: [{ label: 'contacts', value: this.contacts.size }],
		};
	}

	/** `/_sim/crmcom/...` control calls: paging mode, token expiry, bulk seeding. */
	control(method: string, path: string, body: unknown): SimResponse {
		const input = (body ?? {}) as Record<string, unknown>;
		if (method === 'POST' && path === '/paging') {
			this.pagingMode = input.mode === undefined ? undefined : (input.mode as PagingMode);
			return json(200, { pagingMode: this.pagingMode });
		}
		if (method === 'POST' && path === '/expire-tokens') {
			this.expireTokens();
			return json(200, { ok: true });
		}
		if (method === 'POST' && path === '/seed') {
			this.seed(Number(input.contacts ?? 0), Number(input.activities ?? 0));
			return json(200, { contacts: this.contacts.size, activities: this.activities.size });
		}
		if (method === 'GET' && path === '/state') {
			return json(200, {
				contacts: [...this.contacts.values()],
				activities: [...this.activities.values()],
				accounts: [...this.accounts.values()],
			});
		}
		return json(404, { message: `Unknown control ${method} ${path}` });
	}
}
