import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { centrix } from '../transport';

/** Contact lists (Scripts), for list pickers. */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await centrix.list(
		this,
		{ path: 'Scripts', qs: { fields: 'all' }, options: {} },
		{ returnAll: true },
	);
	return rows
		.map((r) => ({ name: String(r.Name ?? r.ids), value: String(r.ids) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Users, for the sales rep pickers. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await centrix.list(
		this,
		{ path: 'Users', qs: { fields: 'all' }, options: {} },
		{ returnAll: true },
	);
	return rows
		.map((r) => ({
			name: String(r.Name ?? r.idu),
			value: String(r.idu ?? r.id),
			description: r.Email ? String(r.Email) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
