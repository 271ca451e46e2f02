import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';
import * as accounts from './crmcom/accounts';
import * as activities from './crmcom/activities';
import * as contacts from './crmcom/contacts';
import * as directory from './crmcom/directory';
import * as insights from './crmcom/insights';
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
 *
 * This file holds the store, authentication, paging, seeding and control; the handlers live by
 * resource in `crmcom/` (contacts, activities, accounts, insights and analytics).
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

	/** Lists the API refuses (403), as a tenant without the permission would (`GET /users`, `/teams`). */
	refusedLists = new Set<'users' | 'teams'>();

	/**
	 * Benchmarks: keep the sorted activity list between page requests, as a real CRM's index
	 * does, so that a page costs the page and not a sort of the whole table. Any write through
	 * the API or `insertActivity` drops it; tests that edit records in place leave it off.
	 */
	indexedLists = false;

	activityIndex: { key: string; list: CrmComActivity[] } | undefined;

	/** Counts logins, for re-login tests. */
	logins = 0;

	/** Seeded records are dated in the past, one second apart; live writes get the real time. */
	tick = epochSeconds() - 100_000;

	seeding = false;

	/** The date (epoch seconds) for a record written now. */
	stamp(): number {
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
		{
			method: 'GET',
			path: '/contacts',
			handler: this.guard((r) => contacts.listContacts(this, r)),
		},
		{
			method: 'POST',
			path: '/contacts',
			handler: this.guard((r) => contacts.createContact(this, r)),
		},
		{
			method: 'GET',
			path: '/contacts/:id',
			handler: this.guard((r) => contacts.getContact(this, r)),
		},
		{
			method: 'PUT',
			path: '/contacts/:id',
			handler: this.guard((r) => contacts.updateContact(this, r)),
		},
		{
			method: 'GET',
			path: '/activities',
			handler: this.guard((r) => activities.listActivities(this, r)),
		},
		{
			method: 'POST',
			path: '/activities',
			handler: this.guard((r) => activities.createActivity(this, r)),
		},
		{
			method: 'GET',
			path: '/activities/:id',
			handler: this.guard((r) => activities.getActivity(this, r)),
		},
		{
			method: 'PUT',
			path: '/activities/:id',
			handler: this.guard((r) => activities.updateActivity(this, r)),
		},
		{
			method: 'DELETE',
			path: '/activities/:id',
			handler: this.guard((r) => activities.deleteActivity(this, r)),
		},
		{
			method: 'GET',
			path: '/activities/:id/tags',
			handler: this.guard((r) => activities.getTags(this, r)),
		},
		{
			method: 'PUT',
			path: '/activities/:id/tags',
			handler: this.guard((r) => activities.setTags(this, r)),
		},
		{
			method: 'GET',
			path: '/accounts/:id',
			handler: this.guard((r) => accounts.getAccount(this, r)),
		},
		{
			method: 'PUT',
			path: '/accounts/:id',
			handler: this.guard((r) => accounts.updateAccount(this, r)),
		},
		{
			method: 'POST',
			path: '/accounts/:id/actions',
			handler: this.guard((r) => accounts.accountAction(this, r)),
		},
		{
			method: 'GET',
			path: '/contacts/:id/accounts',
			handler: this.guard((r) => accounts.listAccounts(this, r)),
		},
		{
			method: 'POST',
			path: '/contacts/:id/accounts',
			handler: this.guard((r) => accounts.createAccount(this, r)),
		},
		{
			method: 'GET',
			path: '/organisations/:id/analytics',
			handler: this.guard((r) => insights.analytics(this, r, undefined)),
		},
		{
			method: 'GET',
			path: '/contacts/:id/analytics',
			handler: this.guard((r) => insights.analytics(this, r, r.params.id)),
		},
		{
			method: 'GET',
			path: '/users',
			handler: this.guard((r) => directory.directory(this, r, 'users')),
		},
		{
			method: 'GET',
			path: '/teams',
			handler: this.guard((r) => directory.directory(this, r, 'teams')),
		},
		{
			method: 'POST',
			path: '/insights',
			handler: this.guard((r) => insights.createInsight(this, r)),
		},
		{
			method: 'GET',
			path: '/insights',
			handler: this.guard((r) => this.page(r, [...this.insights.values()])),
		},
		{
			method: 'GET',
			path: '/insights/:id',
			handler: this.guard((r) => insights.insightOr404(this, r, (i) => json(200, i))),
		},
		{
			method: 'PUT',
			path: '/insights/:id',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => insights.updateInsight(this, r, i)),
			),
		},
		{
			method: 'DELETE',
			path: '/insights/:id',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) =>
					this.insights.delete(i.id) ? { status: 204 } : { status: 404 },
				),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/events',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => insights.appendToInsight(this, r, i, 'events')),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/filters',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => insights.appendToInsight(this, r, i, 'filters')),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/breakdowns',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => insights.appendToInsight(this, r, i, 'breakdowns')),
			),
		},
		{
			method: 'GET',
			path: '/insights/:id/results',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => json(200, insights.insightResults(this, i))),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/preview',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) => json(200, insights.insightResults(this, i))),
			),
		},
		{
			method: 'POST',
			path: '/insights/:id/exports',
			handler: this.guard((r) =>
				insights.insightOr404(this, r, (i) =>
					json(200, { id: `export-${i.id}`, status: 'QUEUED' }),
				),
			),
		},
	];

	reset(seed: boolean): void {
		this.contacts.clear();
		this.activities.clear();
		this.accounts.clear();
		this.insights.clear();
		this.refusedLists.clear();
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

	seedRecords(contacts: number, activities: number): void {
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

	error(status: number, message: string, error: string, parameters: string[] = []): SimResponse {
		return json(status, {
			status,
			message: this.profile === 'live' ? null : message,
			error,
			parameters,
		});
	}

	/** Is this query parameter applied to the contacts list under the current profile? */
	contactFilter(name: 'email' | 'code' | 'phone' | 'custom_fields' | 'search_value'): boolean {
		if (this.profile === 'classic') return true;
		if (this.profile === 'docs') return ['search_value', 'custom_fields'].includes(name);
		return name === 'search_value';
	}

	/** Checks the `api_key` header or the `authorization: Bearer` JWT, as the real API does. */
	guard(handler: (request: SimRequest) => SimResponse): (request: SimRequest) => SimResponse {
		return (request) => {
			if (request.method !== 'GET') this.activityIndex = undefined;
			const apiKey = header(request, 'api_key');
			const bearer = this.tokenOf(request);
			const keys =
				this.profile === 'live'
					? [CRMCOM_DEMO.apiKey, CRMCOM_DEMO.secretKey]
					: [CRMCOM_DEMO.apiKey];
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
	tokenOf(request: SimRequest): string | undefined {
		const bearer = bearerOf(request);
		if (bearer !== undefined || this.profile !== 'live') return bearer;
		const raw = header(request, 'authorization')?.trim();
		return raw ? raw : undefined;
	}

	authenticate(request: SimRequest): SimResponse {
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

	notFound(entity: string, id: string): SimResponse {
		return this.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [entity, id]);
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
