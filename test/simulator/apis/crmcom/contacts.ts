/* CRM.COM Back-Office simulator: contacts (`/contacts`, not in the v5 reference). Handlers take the API's store as `api`. */
import type { SimRequest, SimResponse } from '../../types';
import { type CrmComBackofficeApi, type CrmComContact } from '../crmcomBackoffice';
import { json } from '../shared';

export function contactView(
	_api: CrmComBackofficeApi,
	contact: CrmComContact,
	includeCustom: boolean,
): Record<string, unknown> {
	const { custom_fields, ...rest } = contact;
	return includeCustom ? { ...rest, custom_fields: custom_fields ?? [] } : rest;
}

export function listContacts(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const search = api.contactFilter('search_value')
		? request.query.search_value?.toLowerCase()
		: undefined;
	let list = [...api.contacts.values()];
	if (search) {
		list = list.filter((c) =>
			[c.first_name, c.last_name, c.company_name, c.email, c.code, c.phone]
				.filter(Boolean)
				.some((v) => String(v).toLowerCase().includes(search)),
		);
	}
	for (const key of ['email', 'code', 'phone'] as const) {
		const wanted = api.contactFilter(key) ? request.query[key] : undefined;
		if (wanted !== undefined)
			list = list.filter((c) => String(c[key] ?? '').toLowerCase() === wanted.toLowerCase());
	}
	const customFilter = api.contactFilter('custom_fields') ? request.query.custom_fields : '';
	if (customFilter) {
		const [key, value] = customFilter.split(';');
		list = list.filter((c) =>
			(c.custom_fields ?? []).some((f) => f.key === key && f.value === value),
		);
	}
	list.sort((a, b) => b.created_date - a.created_date || a.id.localeCompare(b.id));
	const include = request.query.include_custom_fields === 'true';
	return api.page(
		request,
		list.map((c) => contactView(api, c, include)),
	);
}

export function validateContact(
	api: CrmComBackofficeApi,
	body: Record<string, unknown>,
	creating: boolean,
): SimResponse | undefined {
	if (creating && body.type !== undefined && !['PERSON', 'COMPANY'].includes(String(body.type))) {
		return api.error(
			400,
			'type must be PERSON or COMPANY',
			'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
			['type'],
		);
	}
	const type = body.type ?? 'PERSON';
	if (creating && type === 'PERSON' && !body.last_name && !body.first_name) {
		return api.error(
			400,
			'A person needs a first or last name',
			'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION',
			['last_name'],
		);
	}
	if (creating && type === 'COMPANY' && !body.company_name) {
		return api.error(
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
		return api.error(400, 'Invalid email address', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
			'email',
		]);
	}
	if (body.code) {
		const clash = [...api.contacts.values()].find((c) => c.code === body.code);
		if (clash && creating) {
			return api.error(
				409,
				'A contact with this code already exists',
				'CRM.EXCEPTIONS.ALREADYEXISTSEXCEPTION',
				['code', String(body.code)],
			);
		}
	}
	return undefined;
}

export function createContact(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	const invalid = validateContact(api, body, true);
	if (invalid) return invalid;
	const contact = api.insertContact(body as Partial<CrmComContact>);
	return json(201, { id: contact.id });
}

export function getContact(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const contact = api.contacts.get(request.params.id);
	if (!contact)
		return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
			'contact',
			request.params.id,
		]);
	return json(200, contactView(api, contact, request.query.include_custom_fields === 'true'));
}

export function updateContact(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const contact = api.contacts.get(request.params.id);
	if (!contact)
		return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
			'contact',
			request.params.id,
		]);
	const body = (request.body ?? {}) as Record<string, unknown>;
	const invalid = validateContact(api, body, false);
	if (invalid) return invalid;
	Object.assign(contact, body, {
		id: contact.id,
		created_date: contact.created_date,
		updated_date: api.stamp(),
	});
	return json(200, { id: contact.id });
}
