/* CRM.COM Back-Office simulator: analytics and insights (`/organisations|contacts/{id}/analytics`, `/insights`). Handlers take the API's store as `api`. */
import type { SimRequest, SimResponse } from '../../types';
import { type CrmComBackofficeApi } from '../crmcomBackoffice';
import { json, uuid } from '../shared';

/** One stored insight. */
export type CrmComInsight = NonNullable<ReturnType<CrmComBackofficeApi['insights']['get']>>;

export function analytics(
	api: CrmComBackofficeApi,
	request: SimRequest,
	contactId: string | undefined,
): SimResponse {
	if (contactId && !api.contacts.has(contactId)) return api.notFound('contact', contactId);
	const activities = [...api.activities.values()].filter(
		(a) => !contactId || a.linked_to.some((l) => l.id === contactId),
	);
	const accounts = [...api.accounts.values()].filter(
		(a) => !contactId || a.contact_id === contactId,
	);
	return json(200, {
		id: request.params.id,
		contacts: contactId ? 1 : api.contacts.size,
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

export function insightOr404(
	api: CrmComBackofficeApi,
	request: SimRequest,
	then: (insight: CrmComInsight) => SimResponse,
): SimResponse {
	const insight = api.insights.get(request.params.id);
	return insight ? then(insight) : api.notFound('insight', request.params.id);
}

export function createInsight(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const body = (request.body ?? {}) as { name?: unknown; description?: unknown };
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		return api.error(400, 'name is required', 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', ['name']);
	}
	const insight = {
		id: uuid(),
		name: body.name,
		description: typeof body.description === 'string' ? body.description : null,
		events: [],
		filters: [],
		breakdowns: [],
		created_on: api.stamp(),
	};
	api.insights.set(insight.id, insight);
	return json(200, { id: insight.id });
}

export function updateInsight(
	_api: CrmComBackofficeApi,
	request: SimRequest,
	insight: CrmComInsight,
): SimResponse {
	const body = (request.body ?? {}) as { name?: unknown; description?: unknown };
	if (body.name !== undefined) insight.name = String(body.name);
	if (body.description !== undefined)
		insight.description = body.description === null ? null : String(body.description);
	return json(200, { id: insight.id });
}

export function appendToInsight(
	api: CrmComBackofficeApi,
	request: SimRequest,
	insight: CrmComInsight,
	key: 'events' | 'filters' | 'breakdowns',
): SimResponse {
	if (!request.body || typeof request.body !== 'object')
		return api.error(400, `A JSON body is required`, 'CRM.EXCEPTIONS.MISSINGPARAMETEREXCEPTION', [
			key,
		]);
	insight[key].push(request.body);
	return json(200, { id: insight.id });
}

export function insightResults(
	api: CrmComBackofficeApi,
	insight: CrmComInsight,
): Record<string, unknown> {
	return {
		id: insight.id,
		name: insight.name,
		events: insight.events.length,
		filters: insight.filters.length,
		breakdowns: insight.breakdowns.length,
		rows: [{ label: 'contacts', value: api.contacts.size }],
	};
}
