/* CRM.COM Back-Office simulator: activities and their tags (`/activities`). Handlers take the API's store as `api`. */
import type { SimRequest, SimResponse } from '../../types';
import { CRMCOM_DEMO, type CrmComActivity, type CrmComBackofficeApi } from '../crmcomBackoffice';
import { json } from '../shared';

export function activityView(
	api: CrmComBackofficeApi,
	activity: CrmComActivity,
	includeTags: boolean,
	includeCustom: boolean,
): Record<string, unknown> {
	const contactLink = activity.linked_to.find((l) => l.type === 'CONTACT');
	const contact = contactLink ? api.contacts.get(contactLink.id) : undefined;
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
			api.profile === 'classic'
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

export function listActivities(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const q = request.query;
	const view = (a: CrmComActivity) =>
		activityView(api, a, q.include_tags === 'true', q.include_custom_fields === 'true');
	const { page: _page, size: _size, ...filters } = q;
	const indexKey = JSON.stringify(filters);
	if (api.indexedLists && api.activityIndex?.key === indexKey)
		return api.page(request, api.activityIndex.list, view);
	let list = [...api.activities.values()];
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
	if (q.assign_to_user_id) list = list.filter((a) => a.assign_to?.user_id === q.assign_to_user_id);
	if (q.assign_to_team_id) list = list.filter((a) => a.assign_to?.team_id === q.assign_to_team_id);
	// several key;value sets, comma-separated (the csv format of the other list filters): all must match
	for (const pair of csv(q.custom_fields) ?? []) {
		const [key, value] = pair.split(';');
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
				return api.error(
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
		return api.error(400, `Unsupported sort ${sort}`, 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
			'sort',
		]);
	list.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * order;
	});
	if (api.indexedLists) api.activityIndex = { key: indexKey, list };
	return api.page(request, list, view);
}

export function validateActivity(
	api: CrmComBackofficeApi,
	body: Record<string, unknown>,
	creating: boolean,
): SimResponse | undefined {
	const missing = (field: string) =>
		api.error(400, `${field} is required`, 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', [field]);
	if (creating) {
		if (!body.name) return missing('name');
		if (!body.type_id) return missing('type_id');
		const scheduled = body.scheduled_on as Record<string, unknown> | undefined;
		if (!scheduled || typeof scheduled.from_date !== 'number')
			return missing('scheduled_on.from_date');
		if (!Array.isArray(body.linked_to) || body.linked_to.length === 0) return missing('linked_to');
	}
	if (body.address_id && body.use_entity_address === true) {
		return api.error(
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
		return api.error(400, 'Invalid state', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', ['state']);
	}
	if (Array.isArray(body.linked_to)) {
		for (const link of body.linked_to as Array<Record<string, unknown>>) {
			if (
				!['CONTACT', 'LEAD', 'SERVICE_REQUEST', 'ORDER'].includes(String(link.type)) ||
				!link.id
			) {
				return api.error(400, 'Invalid linked_to entry', 'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION', [
					'linked_to',
				]);
			}
			if (link.type === 'CONTACT' && !api.contacts.has(String(link.id))) {
				return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
					'contact',
					String(link.id),
				]);
			}
		}
	}
	return undefined;
}

export function createActivity(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	const invalid = validateActivity(api, body, true);
	if (invalid) return invalid;
	const activity = api.insertActivity({
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

export function getActivity(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const activity = api.activities.get(request.params.id);
	if (!activity)
		return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
			'activity',
			request.params.id,
		]);
	const view = activityView(api, activity, true, true);
	if (api.profile !== 'classic' && activity.completed_on !== undefined) {
		view.states = [{ state: 'COMPLETED', date: activity.completed_on }];
	}
	return json(200, view);
}

export function updateActivity(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const activity = api.activities.get(request.params.id);
	if (!activity)
		return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
			'activity',
			request.params.id,
		]);
	const body = (request.body ?? {}) as Record<string, unknown>;
	const invalid = validateActivity(api, body, false);
	if (invalid) return invalid;
	const now = api.stamp();
	for (const key of [
		'name',
		'description',
		'address_id',
		'scheduled_on',
		'assign_to',
		'custom_fields',
	] as const) {
		if (body[key] !== undefined) (activity as unknown as Record<string, unknown>)[key] = body[key];
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

export function deleteActivity(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	if (!api.activities.delete(request.params.id)) {
		return api.error(404, 'Record not found.', 'CRM.EXCEPTIONS.NOTFOUNDEXCEPTION', [
			'activity',
			request.params.id,
		]);
	}
	return { status: 204 };
}

export function getTags(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const activity = api.activities.get(request.params.id);
	if (!activity) return api.notFound('activity', request.params.id);
	const content = activity.tag_ids.map((id) => CRMCOM_DEMO.tags.find((t) => t.id === id) ?? { id });
	return json(200, { content });
}

export function setTags(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const activity = api.activities.get(request.params.id);
	if (!activity) return api.notFound('activity', request.params.id);
	const tags = (request.body as { tags?: unknown } | undefined)?.tags;
	if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
		return api.error(400, 'tags is required', 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', ['tags']);
	}
	activity.tag_ids = [...new Set(tags as string[])];
	activity.updated_on = api.stamp();
	return json(200, { id: activity.id });
}
