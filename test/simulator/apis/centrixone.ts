import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';

/**
 * CentrixOne web API: `/{Object}-{Account}-{APIKey}[-{BaseFilter}].awp`, GET reads, POST adds or
 * edits (`{"Contacts":[...]}`), JSON with `"Result":"Success"`, text bodies for 4xx/5xx,
 * `Last-Modified` on reads and 304 on `If-Modified-Since`.
 * Decisions where the docs are silent (mirrored by the node): filter values compare without
 * case; `[=` starts with, `=]` ends with, `[=]` contains; `fields` limits the fields returned
 * (idc and ExternalID always come back); write replies by profile, below.
 *
 * Profiles:
 * - `docs` and `live` (nothing more is known of the live service): any custom or ContactScript
 *   field is kept, with the documented abbreviations `CC_` = `Contact_Custom_`, `AC_` =
 *   `Account_Custom_` (account-wide); Users and Scripts rows use key names of their own
 *   (`IDU`/`UserName`/`EMail`, `IDS`/`ScriptName`): the docs name none.
 * - `classic`: only the 35 named fields are stored; rows keyed `idu`/`Name`/`Email`, `ids`/`Name`.
 * Write replies (control `POST /_sim/centrixone/write-reply`), by profile unless set there:
 * - `docs` and `live`: a bare `{"Result":"Success"}` when every contact was written (the one
 *   thing the docs promise), and a batch with a refused contact answers a top-level error with
 *   no per-contact detail: the docs' "text content with the codes 4XX" (`refusal: status400`)
 *   or, set by control, `{"Result":"Error","Error":"…"}` in a 200 (`json200`). The other
 *   contacts of a refused batch are written (`atomic: false`, the reading where re-sending a
 *   create would duplicate it) or, set by control, nothing is (`atomic: true`). Nothing more is
 *   known of the live service's write replies, so `live` answers as the docs promise.
 * - `classic`: one `{idc, ExternalID, Result, Error?}` per contact (`perRecord`), refused ones
 *   with `Result: Error`, the others written.
 */

export const CENTRIX_DEMO = { account: '4242', apiKey: 'simCentrixKey9f3b21' };

export const CONTACT_FIELDS = [
	'Title',
	'FirstName',
	'Name',
	'FullName',
	'JobPosition',
	'Company',
	'Address1',
	'Address2',
	'City',
	'State',
	'ZIP',
	'CountryISO',
	'Email',
	'Phone1',
	'Phone2',
	'Cell',
	'Fax',
	'WebSite',
	'LanguageCode',
	'Notes',
	...Array.from({ length: 15 }, (_, k) => `Contact_Custom_${k + 1}`),
];
/** Fields stored per account: shared by every contact of the account. */
export const ACCOUNT_FIELDS = [
	'Company',
	'Address1',
	'Address2',
	'City',
	'State',
	'ZIP',
	'CountryISO',
	'WebSite',
];
export const SCRIPT_FIELDS = ['SalesRep1', 'SalesRep2'];

/** The documented abbreviations: `CC_` = `Contact_Custom_`, `AC_` = `Account_Custom_`. */
export function fullFieldName(name: string): string {
	if (/^CC_/i.test(name)) return `Contact_Custom_${name.slice(3)}`;
	if (/^AC_/i.test(name)) return `Account_Custom_${name.slice(3)}`;
	return name;
}

/** How a write is answered: see the profiles above. */
export interface WriteReplySettings {
	mode?: 'perRecord' | 'bare';
	refusal?: 'status400' | 'json200';
	atomic?: boolean;
}

export interface CentrixContact {
	idc: number;
	ExternalID: string;
	account: number;
	fields: Record<string, string>;
	scripts: Map<number, Record<string, string>>;
	modified: number;
}

export class CentrixOneApi implements SimApi {
	key = 'centrixone';

	name = 'CentrixOne';

	prefix = '/centrixone/API_WEB/EN';

	profile: SimProfile = 'classic';

	/**
	 * What a write answers, set by control; unset: the profile's (`perRecord` under classic,
	 * `bare` under docs and live).
	 */
	writeReply: WriteReplySettings = {};

	contacts = new Map<number, CentrixContact>();

	/** ExternalID → idc, as the real API's index (an upsert looks a contact up by it). */
	private byExternalId = new Map<string, number>();

	accounts = new Map<number, Record<string, string>>();

	lists = [
		{ ids: 10, Name: 'Newsletter' },
		{ ids: 20, Name: 'Customers' },
		{ ids: 30, Name: 'Prospects' },
	];

	users = [
		{ idu: 1, Name: 'Sam Sales', Email: 'sam@centrix.example' },
		{ idu: 2, Name: 'Robin Rep', Email: 'robin@centrix.example' },
	];

	/** Last change of the whole store (ms), for Last-Modified. */
	lastChange = Date.now() - 60_000;

	private nextIdc = 1000;

	private nextAccount = 1;

	demoCredentials = {
		baseUrl: '(this simulator)/centrixone/API_WEB/EN',
		account: CENTRIX_DEMO.account,
		apiKey: CENTRIX_DEMO.apiKey,
	};

	routes: Route[] = [
		{ method: 'GET', path: '/:resource', handler: (r) => this.read(r) },
		{ method: 'POST', path: '/:resource', handler: (r) => this.write(r) },
	];

	reset(seed: boolean): void {
		this.contacts.clear();
		this.byExternalId.clear();
		this.accounts.clear();
		this.nextIdc = 1000;
		this.nextAccount = 1;
		this.writeReply = {};
		if (seed) {
			for (let n = 1; n <= 8; n++) {
				this.store({
					ExternalID: `EXT-${n}`,
					FirstName: `First${n}`,
					Name: `Last${n}`,
					Email: `c${n}@centrix.example`,
					Company: n <= 4 ? 'Acme' : 'Globex',
					ids: n % 2 ? 10 : 20,
				});
			}
		}
		this.lastChange = Date.now() - 60_000;
	}

	tokenExpiredResponse(): SimResponse {
		return { status: 401, body: 'API key expired' };
	}

	private text(status: number, body: string): SimResponse {
		return { status, body, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
	}

	/** Parses `Contacts-4242-KEY-C12,S10.awp`; checks account and key. */
	private parse(request: SimRequest): { object: string; filter: string } | SimResponse {
		const match = /^([A-Za-z0-9]+)-([^-]+)-([^-.]+)(?:-(.+?))?\.awp$/.exec(request.params.resource);
		if (!match) return this.text(404, 'Unknown resource');
		const [, object, account, key, filter] = match;
		if (account !== CENTRIX_DEMO.account || key !== CENTRIX_DEMO.apiKey)
			return this.text(401, 'Invalid account or API key');
		return { object, filter: filter ?? 'all' };
	}

	store(input: Record<string, unknown>, existing?: CentrixContact): CentrixContact {
		const contact: CentrixContact = existing ?? {
			idc: this.nextIdc++,
			ExternalID: '',
			account: this.nextAccount++,
			fields: {},
			scripts: new Map(),
			modified: 0,
		};
		if (typeof input.ExternalID === 'string') {
			if (contact.ExternalID) this.byExternalId.delete(contact.ExternalID);
			contact.ExternalID = input.ExternalID;
			if (contact.ExternalID) this.byExternalId.set(contact.ExternalID, contact.idc);
		}
		const account = this.accounts.get(contact.account) ?? {};
		const names =
			this.profile === 'classic'
				? CONTACT_FIELDS
				: Object.keys(input).filter(
						(k) => !['idc', 'ExternalID', 'ContactScript', 'ids'].includes(k),
					);
		for (const name of names) {
			if (input[name] === undefined) continue; // omitted: unchanged
			const field = fullFieldName(name);
			const value = String(input[name] ?? '');
			if (ACCOUNT_FIELDS.includes(field) || field.startsWith('Account_Custom_'))
				account[field] = value;
			else contact.fields[field] = value;
		}
		this.accounts.set(contact.account, account);
		const scripts = Array.isArray(input.ContactScript)
			? (input.ContactScript as Array<Record<string, unknown>>)
			: [];
		if (input.ids !== undefined) scripts.push({ ids: input.ids });
		for (const script of scripts) {
			const ids = Number(script.ids);
			const entry = contact.scripts.get(ids) ?? {};
			for (const [k, v] of Object.entries(script))
				if (k !== 'ids' && v !== undefined) entry[k] = String(v);
			contact.scripts.set(ids, entry);
		}
		contact.modified = Date.now();
		this.lastChange = Math.max(this.lastChange + 1000, Date.now());
		this.contacts.set(contact.idc, contact);
		return contact;
	}

	findByExternalId(externalId: string): CentrixContact | undefined {
		const contact = this.contacts.get(this.byExternalId.get(externalId) ?? -1);
		return contact?.ExternalID === externalId ? contact : undefined;
	}

	view(
		contact: CentrixContact,
		fields: string[] | undefined,
		list?: number,
	): Record<string, unknown> {
		const account = this.accounts.get(contact.account) ?? {};
		const all: Record<string, unknown> = {
			idc: contact.idc,
			ExternalID: contact.ExternalID,
			...contact.fields,
		};
		for (const [f, v] of Object.entries(account)) if (v !== undefined) all[f] = v;
		const scripts = [...contact.scripts.entries()]
			.filter(([ids]) => list === undefined || ids === list)
			.map(([ids, v]) => ({ ids, ...v }));
		if (!fields) return { ...all, ContactScript: scripts };
		const out: Record<string, unknown> = { idc: contact.idc, ExternalID: contact.ExternalID };
		for (const f of fields) {
			if (f.startsWith('cs_')) continue;
			const full = this.profile === 'classic' ? f : fullFieldName(f);
			if (all[full] !== undefined) out[full] = all[full];
		}
		const csFields = fields.filter((f) => f.startsWith('cs_')).map((f) => f.slice(3));
		if (csFields.length)
			out.ContactScript = scripts.map((s) =>
				Object.fromEntries(Object.entries(s).filter(([k]) => k === 'ids' || csFields.includes(k))),
			);
		return out;
	}

	/** A TAB/LF advanced filter: prefix, field, operator, value, suffix per line. */
	matchesFilters(values: Record<string, unknown>, filters: string): boolean {
		return this.compileFilters(filters)(values);
	}

	/**
	 * A TAB/LF advanced filter compiled once for a whole read: the conditions parsed, the AND/OR
	 * and bracket structure checked and turned into one function of the conditions' results.
	 */
	compileFilters(filters: string): (values: Record<string, unknown>) => boolean {
		const conditions: Array<{ field: string; op: string; wanted: string }> = [];
		let expression = '';
		for (const line of filters.split('\n').filter((l) => l.trim() !== '')) {
			const [prefix = '', field = '', op = '', value = '', suffix = ''] = line.split('\t');
			if (!['=', '<>', '<', '>', '<=', '>=', '[=', '=]', '[=]'].includes(op))
				throw new Error(`Unknown operator ${op}`);
			const joined = prefix.replace(/AND/i, ' && ').replace(/OR/i, ' || ');
			expression += `${joined}t(${conditions.length})${suffix}`;
			conditions.push({ field, op, wanted: value.toLowerCase() });
		}
		if (!/^[\s()&|t0-9]*$/.test(expression)) throw new Error('Invalid filter');
		if (expression === '') return () => true;
		// a plain OR of equalities (a read-back of written contacts) is a set lookup per field:
		// the same answer as the general path, in one pass over the contacts
		if (/^t\(0\)( \|\| t\(\d+\))*$/.test(expression.replace(/\s+/g, ' ').trim())) {
			if (conditions.every((c) => c.op === '=')) {
				const wanted = new Map<string, Set<string>>();
				for (const c of conditions)
					wanted.set(c.field, (wanted.get(c.field) ?? new Set()).add(c.wanted));
				return (values) => {
					for (const [field, set] of wanted)
						if (set.has(String(values[field] ?? '').toLowerCase())) return true;
					return false;
				};
			}
		}
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const combine = new Function('t', `return (${expression});`) as (
			t: (n: number) => boolean,
		) => boolean;
		combine(() => false); // a malformed structure throws here, once
		const test = (actual: string, op: string, wanted: string): boolean => {
			switch (op) {
				case '=':
					return actual === wanted;
				case '<>':
					return actual !== wanted;
				case '<':
					return actual < wanted;
				case '>':
					return actual > wanted;
				case '<=':
					return actual <= wanted;
				case '>=':
					return actual >= wanted;
				case '[=':
					return actual.startsWith(wanted);
				case '=]':
					return actual.endsWith(wanted);
				default:
					return actual.includes(wanted);
			}
		};
		return (values) => {
			const lower = new Map<string, string>();
			// conditions evaluated lazily, as && and || need them; each field lower-cased once
			return combine((n) => {
				const { field, op, wanted } = conditions[n];
				let actual = lower.get(field);
				if (actual === undefined) {
					actual = String(values[field] ?? '').toLowerCase();
					lower.set(field, actual);
				}
				return test(actual, op, wanted);
			});
		};
	}

	private read(request: SimRequest): SimResponse {
		const parsed = this.parse(request);
		if ('status' in parsed) return parsed;
		const lastModified = new Date(Math.floor(this.lastChange / 1000) * 1000).toUTCString();
		const since = request.headers['if-modified-since'];
		if (
			typeof since === 'string' &&
			Date.parse(since) >= Math.floor(this.lastChange / 1000) * 1000
		) {
			return { status: 304, headers: { 'Last-Modified': lastModified } };
		}
		const fields =
			request.query.fields && request.query.fields !== 'all'
				? request.query.fields.split(',').map((f) => f.trim())
				: undefined;
		const ok = (key: string, rows: unknown[]): SimResponse => ({
			status: 200,
			body: { Result: 'Success', [key]: rows },
			headers: { 'Last-Modified': lastModified },
		});
		switch (parsed.object) {
			case 'Users':
				return ok(
					'Users',
					this.profile === 'classic'
						? this.users
						: this.users.map((u) => ({ IDU: u.idu, UserName: u.Name, EMail: u.Email })),
				);
			case 'Scripts':
				return ok(
					'Scripts',
					this.profile === 'classic'
						? this.lists
						: this.lists.map((l) => ({ IDS: l.ids, ScriptName: l.Name })),
				);
			case 'RevenueTypes':
			case 'RevenueTypesSub1':
			case 'RevenueTypesSub2':
				return ok(
					parsed.object,
					[1, 2].map((n) => ({ id: n, Name: `${parsed.object} ${n}` })),
				);
			case 'Opportunities': {
				const list = /^S(\d+)$/.exec(parsed.filter)?.[1];
				const rows = [...this.contacts.values()]
					.filter((c) => !list || c.scripts.has(Number(list)))
					.map((c) => ({
						ido: c.idc * 10,
						idc: c.idc,
						ids: Number(list ?? 0),
						Amount: '100.00',
						Stage: 'Open',
					}));
				return ok('Opportunities', rows);
			}
			case 'Contacts':
				break;
			default:
				return this.text(404, `Unknown object ${parsed.object}`);
		}
		let list: number | undefined;
		let rows = [...this.contacts.values()];
		if (parsed.filter !== 'all') {
			for (const part of parsed.filter
				.split(',')
				.map((p) => p.trim())
				.filter(Boolean)) {
				const kind = part[0];
				const value = part.slice(1);
				if (kind === 'C') rows = rows.filter((c) => String(c.idc) === value);
				else if (kind === 'E') rows = rows.filter((c) => c.ExternalID === value);
				else if (kind === 'S') {
					list = Number(value);
					rows = rows.filter((c) => c.scripts.has(list as number));
				} else return this.text(400, `Invalid base filter ${part}`);
			}
		}
		if (request.query.filters) {
			try {
				const matches = this.compileFilters(request.query.filters);
				// a filter on the identity fields only needs no full view of each contact
				const used = request.query.filters
					.split('\n')
					.map((line) => line.split('\t')[1])
					.filter((field) => field !== undefined && field.trim() !== '');
				const identityOnly = used.every((field) => field === 'idc' || field === 'ExternalID');
				rows = rows.filter((c) =>
					matches(
						identityOnly ? { idc: c.idc, ExternalID: c.ExternalID } : this.view(c, undefined),
					),
				);
			} catch (error) {
				return this.text(400, (error as Error).message);
			}
		}
		return ok(
			'Contacts',
			rows.map((c) => this.view(c, fields, list)),
		);
	}

	private write(request: SimRequest): SimResponse {
		const parsed = this.parse(request);
		if ('status' in parsed) return parsed;
		if (parsed.object !== 'Contacts') return this.text(405, 'Only Contacts can be written');
		const body = request.body as { Contacts?: unknown } | undefined;
		if (!body || !Array.isArray(body.Contacts))
			return this.text(400, 'Body must be {"Contacts":[...]}');
		const settings = this.writeSettings();
		const inputs = body.Contacts as Array<Record<string, unknown>>;
		// a top-level refusal with nothing written: every contact is checked before any is stored
		if (settings.mode === 'bare' && settings.atomic) {
			const refused = inputs.map((input) => this.refusal(input)).filter(Boolean);
			if (refused.length) return this.refuseBatch(refused as string[], settings);
		}
		const results = inputs.map((input) => {
			const error = this.refusal(input);
			if (error !== undefined)
				return {
					idc: input.idc ?? null,
					ExternalID: input.ExternalID ?? null,
					Result: 'Error',
					Error: error,
				};
			let existing: CentrixContact | undefined;
			if (input.idc !== undefined && input.idc !== null && input.idc !== '')
				existing = this.contacts.get(Number(input.idc));
			else if (input.ExternalID) existing = this.findByExternalId(String(input.ExternalID));
			const contact = this.store(input, existing);
			return { idc: contact.idc, ExternalID: contact.ExternalID, Result: 'Success' };
		});
		if (settings.mode === 'perRecord')
			return { status: 200, body: { Result: 'Success', Contacts: results } };
		const refused = results.flatMap((r) => (r.Result === 'Error' ? [String(r.Error)] : []));
		if (refused.length) return this.refuseBatch(refused, settings);
		return { status: 200, body: { Result: 'Success' } };
	}

	/** The write reply in force: set by control, else the profile's. */
	writeSettings(): Required<WriteReplySettings> {
		return {
			mode: this.writeReply.mode ?? (this.profile === 'classic' ? 'perRecord' : 'bare'),
			refusal: this.writeReply.refusal ?? 'status400',
			atomic: this.writeReply.atomic ?? false,
		};
	}

	/** Why this contact is refused (a malformed email, an unknown idc, a value over 255 characters), or undefined. */
	private refusal(input: Record<string, unknown>): string | undefined {
		const long = Object.entries(input).find(([, v]) => typeof v === 'string' && v.length > 255);
		if (long) return `Field ${long[0]} is longer than 255 characters`;
		if (
			input.Email !== undefined &&
			input.Email !== '' &&
			!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(input.Email))
		)
			return `Invalid email ${String(input.Email)}`;
		if (
			input.idc !== undefined &&
			input.idc !== null &&
			input.idc !== '' &&
			!this.contacts.has(Number(input.idc))
		)
			return `Contact ${String(input.idc)} not found`;
		return undefined;
	}

	/** A batch refused at the top level: no word of which contact. */
	private refuseBatch(errors: string[], settings: Required<WriteReplySettings>): SimResponse {
		const text = errors.join('; ');
		return settings.refusal === 'json200'
			? { status: 200, body: { Result: 'Error', Error: text } }
			: this.text(400, text);
	}

	/**
	 * `/_sim/centrixone/write-reply` `{"mode"?: "bare"|"perRecord"|"profile", "refusal"?:
	 * "status400"|"json200", "atomic"?: boolean}`; `"mode": "profile"` forgets every setting.
	 */
	control(method: string, path: string, body: unknown): SimResponse {
		const input = (body ?? {}) as Record<string, unknown>;
		const { mode, refusal, atomic } = input;
		const valid =
			(mode === undefined || mode === 'bare' || mode === 'perRecord' || mode === 'profile') &&
			(refusal === undefined || refusal === 'status400' || refusal === 'json200') &&
			(atomic === undefined || typeof atomic === 'boolean');
		if (method === 'POST' && path === '/write-reply' && valid) {
			if (mode === 'profile') this.writeReply = {};
			else
				this.writeReply = {
					...this.writeReply,
					...(mode !== undefined ? { mode } : {}),
					...(refusal !== undefined ? { refusal } : {}),
					...(atomic !== undefined ? { atomic } : {}),
				} as WriteReplySettings;
			return { status: 200, body: { writeReply: this.writeSettings() } };
		}
		return { status: 404, body: { message: `Unknown control ${method} ${path}` } };
	}
}
