/* CRM.COM Back-Office simulator: `GET /users` and `GET /teams` (not in the v5 docs; the live service's public client uses them). Handlers take the API's store as `api`. */
import type { SimRequest, SimResponse } from '../../types';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../crmcomBackoffice';

/** The users or teams, paged like every list, filtered by `search_value`; 403 when refused. */
export function directory(
	api: CrmComBackofficeApi,
	request: SimRequest,
	kind: 'users' | 'teams',
): SimResponse {
	if (api.refusedLists.has(kind))
		return api.error(403, 'Not allowed', 'CRM.EXCEPTIONS.FORBIDDENEXCEPTION', []);
	const all: Array<{ id: string; name: string }> = [...CRMCOM_DEMO[kind]];
	const search = String(request.query.search_value ?? '').toLowerCase();
	return api.page(request, search ? all.filter((r) => r.name.toLowerCase().includes(search)) : all);
}
