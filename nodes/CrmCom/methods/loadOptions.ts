import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { QueryValue } from '../../shared/transport/types';
import { crmCom } from '../transport';

/** How many recent records are read to discover custom-field keys, activity types and tags. */
export const RECENT_RECORDS = 100;

type Page = { content?: IDataObject[] };

/**
 * One page of a CRM.COM list for a dropdown. When the CRM refuses the call (no permission, an
 * endpoint the tenant lacks), the dropdown shows why and how to type the ID instead.
 */
async function listFor(
	ctx: ILoadOptionsFunctions,
	what: string,
	path: string,
	qs: Record<string, QueryValue>,
): Promise<IDataObject[]> {
	try {
		const reply = await crmCom.request<Page>(ctx, { method: 'GET', path, qs });
		return Array.isArray(reply.content) ? reply.content : [];
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`CRM.COM did not list the ${what} (GET /${path}): ${(error as Error).message}`,
			{
				description: `Type the ${what.replace(/s$/, '')} ID instead: switch the field to Expression and enter the ID.`,
			},
		);
	}
}

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<string>();
	return options
		.filter((o) => (seen.has(String(o.value)) ? false : (seen.add(String(o.value)), true)))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Users, from GET /users (the live service answers it; its public client uses it). */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await listFor(this, 'users', 'users', { page: 1, size: 250 });
	return sorted(
		rows
			.filter((u) => u.id !== undefined && u.id !== null)
			.map((u) => ({
				name: String(u.name ?? u.username ?? u.id),
				value: String(u.id),
				...(u.username ? { description: String(u.username) } : {}),
			})),
	);
}

/** Teams, from GET /teams. */
export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await listFor(this, 'teams', 'teams', { page: 1, size: 250 });
	return sorted(
		rows
			.filter((t) => t.id !== undefined && t.id !== null)
			.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })),
	);
}

/** Custom-field keys seen on recent records (GET /custom_fields fails on the live service). */
async function customFieldKeys(
	ctx: ILoadOptionsFunctions,
	path: 'contacts' | 'activities',
): Promise<INodePropertyOptions[]> {
	const rows = await listFor(ctx, `${path} (for custom-field keys)`, path, {
		page: 1,
		size: RECENT_RECORDS,
		include_custom_fields: true,
	});
	return sorted(
		rows.flatMap((record) =>
			(Array.isArray(record.custom_fields) ? (record.custom_fields as IDataObject[]) : [])
				.filter((f) => typeof f.key === 'string' && f.key !== '')
				.map((f) => ({ name: String(f.key), value: String(f.key) })),
		),
	);
}

export async function getContactCustomFieldKeys(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await customFieldKeys(this, 'contacts');
}

export async function getActivityCustomFieldKeys(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await customFieldKeys(this, 'activities');
}

/** Activity types seen on recent activities (the API has no list of types). */
export async function getActivityTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const rows = await listFor(this, 'activities (for activity types)', 'activities', {
		page: 1,
		size: RECENT_RECORDS,
	});
	return sorted(
		rows
			.map((a) => (a.type ?? {}) as IDataObject)
			.filter((t) => typeof t.id === 'string' && t.id !== '')
			.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })),
	);
}

/** Tags seen on recent activities (GET /activities?include_tags=true). */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await listFor(this, 'activities (for tags)', 'activities', {
		page: 1,
		size: RECENT_RECORDS,
		include_tags: true,
	});
	return sorted(
		rows.flatMap((a) =>
			(Array.isArray(a.tags) ? (a.tags as IDataObject[]) : [])
				.filter((t) => typeof t.id === 'string' && t.id !== '')
				.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id) })),
		),
	);
}

/** The node's `methods.loadOptions`: every dropdown this file loads. */
export const loadOptions = {
	getActivityCustomFieldKeys,
	getActivityTypes,
	getContactCustomFieldKeys,
	getTags,
	getTeams,
	getUsers,
};
