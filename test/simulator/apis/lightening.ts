import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';
import { header, json } from './shared';

/**
 * Lightening's contact API: an `Authorization` header, failures as HTTP 200 with
 * `result: false` and `error` or `errors{field: message}`, delete via
 * `GET /contact/{id}/delete` answering `result: false` even on success.
 * Decisions where the docs are silent (mirrored by the node): dates are "YYYY-MM-DD HH:MM:SS"
 * in UTC; `customer_id[]` is repeated in the query; a create takes `customer_id`; a get answers
 * `{ entity, result: true }`.
 *
 * Profiles: under `docs` and `live` the fields the docs type as numbers
 * (`customer_portal_profile_id` unsigned integer, `cost_center_id` int, the 1-or-0 booleans)
 * must be JSON numbers, and a list for a customer the account does not have answers
 * `errors.customer_id` "Customer not found." (as a valid token may get for customer 0);
 * `classic` accepts digit strings and answers an empty list. A get answers `{entity}`, except
 * under `docs`, where it answers the list's documented `{entities: [...]}` shape.
 */

export const LIGHTENING_DEMO = {
	authorization: 'sim-lightening-auth-3b8e61d0c4',
	customers: [
		{ id: 1, name: 'Acme Ltd', account: 'ACME-001' },
		{ id: 2, name: 'Globex', account: 'GLOB-002' },
	],
};

export interface LighteningContact {
	id: string;
	customer_id: number;
	name: string;
	email: string;
	tel: string;
	tel1: string;
	fax: string;
	mobile: string;
	role: string;
	department: string;
	milestone: string;
	cost_center_id: string;
	customer_portal_profile_id: string;
	customer_custom_identifier: string;
	is_active: string;
	portal_active: string;
	locale: string;
	created_at: string;
	updated_at: string;
	[key: string]: unknown;
}

const LIMITS: Record<string, number> = {
	name: 64,
	email: 191,
	tel: 32,
	tel1: 32,
	fax: 32,
	mobile: 32,
	role: 32,
	department: 64,
	customer_custom_identifier: 16,
};
const FLAGS = ['is_active', 'portal_active', 'milestone'];

/** "YYYY-MM-DD HH:MM:SS" in UTC. */
export const lighteningDate = (ms = Date.now()) =>
	new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export class LighteningApi implements SimApi {
	key = 'lightening';

	name = 'Lightening';

	prefix = '/lightening/api';

	profile: SimProfile = 'classic';

	contacts = new Map<string, LighteningContact>();

	private nextId = 1;

	demoCredentials = {
		baseUrl: '(this simulator)/lightening/api',
		authorization: LIGHTENING_DEMO.authorization,
	};

	routes: Route[] = [
		{ method: 'GET', path: '/contact', handler: this.guard((r) => this.list(r)) },
		{ method: 'POST', path: '/contact', handler: this.guard((r) => this.create(r)) },
		{ method: 'GET', path: '/contact/:id', handler: this.guard((r) => this.get(r)) },
		{ method: 'POST', path: '/contact/:id', handler: this.guard((r) => this.update(r)) },
		{ method: 'GET', path: '/contact/:id/delete', handler: this.guard((r) => this.remove(r)) },
	];

	reset(seed: boolean): void {
		this.contacts.clear();
		this.nextId = 1;
		if (seed) {
			const past = Date.now() - 86_400_000;
			for (let n = 0; n < 6; n++) {
				this.insert(
					{
						customer_id: n < 4 ? 1 : 2,
						name: `Contact ${n + 1}`,
						email: `contact${n + 1}@acme.example`,
					},
					past + n * 1000,
				);
			}
		}
	}

	tokenExpiredResponse(): SimResponse {
		return json(200, { error: 'Authorization expired.', result: false });
	}

	insert(
		data: Partial<LighteningContact> & { customer_id: number; name: string },
		at = Date.now(),
	): LighteningContact {
		const stamp = lighteningDate(at);
		const contact: LighteningContact = {
			email: '',
			tel: '',
			tel1: '',
			fax: '',
			mobile: '',
			role: '',
			department: '',
			milestone: '0',
			cost_center_id: '0',
			customer_portal_profile_id: '0',
			customer_custom_identifier: '',
			is_active: '1',
			portal_active: '0',
			locale: 'en_US',
			...data,
			id: String(this.nextId++),
			created_at: stamp,
			updated_at: stamp,
		};
		this.contacts.set(contact.id, contact);
		return contact;
	}

	private guard(handler: (r: SimRequest) => SimResponse): (r: SimRequest) => SimResponse {
		return (request) => {
			if (header(request, 'authorization') !== LIGHTENING_DEMO.authorization) {
				return json(200, { error: 'Not authorized.', result: false });
			}
			return handler(request);
		};
	}

	private view(contact: LighteningContact): Record<string, unknown> {
		const customer = LIGHTENING_DEMO.customers.find((c) => c.id === contact.customer_id);
		const { portal_password: _secret, ...rest } = contact;
		return {
			...rest,
			customer_name: customer?.name ?? '',
			customer_account: customer?.account ?? '',
		};
	}

	private list(request: SimRequest): SimResponse {
		const ids = [
			...(request.queryAll['customer_id[]'] ?? []),
			...(request.queryAll.customer_id ?? []),
		]
			.flatMap((value) => value.split(','))
			.map(Number)
			.filter((n) => Number.isInteger(n));
		if (ids.length === 0)
			return json(200, { errors: { customer_id: 'Field is required.' }, result: false });
		if (
			this.profile !== 'classic' &&
			ids.some((id) => !LIGHTENING_DEMO.customers.some((c) => c.id === id))
		) {
			return json(200, { errors: { customer_id: 'Customer not found.' }, result: false });
		}
		const entities = [...this.contacts.values()]
			.filter((c) => ids.includes(c.customer_id))
			.map((c) => this.view(c));
		return json(200, { entities, result: true });
	}

	/** Checks the documented limits; returns `errors{field: message}` or undefined. */
	private validate(body: Record<string, unknown>): Record<string, string> | undefined {
		const errors: Record<string, string> = {};
		if ('create_method' in body) errors.create_method = 'Field is not allowed.';
		if (!body.name || String(body.name).trim() === '') errors.name = 'Field is required.';
		for (const [field, max] of Object.entries(LIMITS)) {
			if (body[field] !== undefined && String(body[field]).length > max)
				errors[field] = `Field must be at most ${max} characters.`;
		}
		if (body.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email)))
			errors.email = 'Field must be a valid email address.';
		const strict = this.profile !== 'classic';
		for (const flag of FLAGS) {
			const allowed: unknown[] = strict ? [0, 1] : ['0', '1', 0, 1];
			if (body[flag] !== undefined && !allowed.includes(body[flag]))
				errors[flag] = 'Field must be 1 or 0.';
		}
		for (const field of ['customer_portal_profile_id', 'cost_center_id']) {
			if (strict && body[field] !== undefined && typeof body[field] !== 'number')
				errors[field] = 'Field must be an integer.';
		}
		if (body.portal_password !== undefined) {
			const length = String(body.portal_password).length;
			if (length < 8 || length > 32)
				errors.portal_password = 'Field must be between 8 and 32 characters.';
		}
		const profile = body.customer_portal_profile_id;
		if (
			profile !== undefined &&
			!(/^\d+$/.test(String(profile)) && Number(profile) <= 4294967295)
		) {
			errors.customer_portal_profile_id = 'Field must be an unsigned integer.';
		}
		if (body.cost_center_id !== undefined && !/^-?\d+$/.test(String(body.cost_center_id)))
			errors.cost_center_id = 'Field must be an integer.';
		if (body.locale !== undefined && !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(body.locale)))
			errors.locale = 'Field must be a valid locale.';
		return Object.keys(errors).length ? errors : undefined;
	}

	private create(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (Object.keys(body).length === 0)
			return json(200, { error: 'Nothing sent for request.', result: false });
		const errors = this.validate(body);
		if (errors) return json(200, { errors, result: false });
		const customerId = Number(body.customer_id);
		if (!LIGHTENING_DEMO.customers.some((c) => c.id === customerId)) {
			return json(200, { errors: { customer_id: 'Customer not found.' }, result: false });
		}
		const fields = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
		const contact = this.insert({ ...fields, customer_id: customerId, name: String(body.name) });
		return json(200, { msg: 'Successfully created entity.', id: contact.id, result: true });
	}

	private get(request: SimRequest): SimResponse {
		const contact = this.contacts.get(request.params.id);
		if (!contact) return json(200, { error: 'Entity not found.', result: false });
		// the docs show no reply for a get: under `docs`, the one documented shape with contacts
		if (this.profile === 'docs') return json(200, { entities: [this.view(contact)], result: true });
		return json(200, { entity: this.view(contact), result: true });
	}

	private update(request: SimRequest): SimResponse {
		const contact = this.contacts.get(request.params.id);
		if (!contact) return json(200, { error: 'Entity not found.', result: false });
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (Object.keys(body).length === 0)
			return json(200, { error: 'Nothing sent for request.', result: false });
		const errors = this.validate(body);
		if (errors) return json(200, { errors, result: false });
		for (const [key, value] of Object.entries(body)) {
			if (key !== 'id' && key !== 'customer_id') contact[key] = String(value);
		}
		contact.updated_at = lighteningDate();
		return json(200, { msg: 'Successfully updated entity.', result: true });
	}

	private remove(request: SimRequest): SimResponse {
		if (!this.contacts.delete(request.params.id))
			return json(200, { msg: 'Entity not found.', result: false });
		return json(200, { msg: 'Entity has been successfully deleted.', result: false });
	}
}
