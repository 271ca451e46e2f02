import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { crmCom } from '../transport';

const PAGE_SIZE = 50;

async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const reply = await crmCom.request<{
		content?: IDataObject[];
		paging?: { total?: number | null; has_more?: boolean };
	}>(ctx, {
		method: 'GET',
		path,
		qs: { page, size: PAGE_SIZE, search_value: filter?.trim() || undefined },
	});
	const content = reply.content ?? [];
	const base = await crmCom.baseUrl(ctx);
	const more =
		reply.paging?.has_more ??
		(typeof reply.paging?.total === 'number'
			? page * PAGE_SIZE < reply.paging.total
			: content.length === PAGE_SIZE);
	return {
		results: content.map((record) => ({
			name: label(record),
			value: String(record.id),
			url: `${base}/${path}/${String(record.id)}`,
		})),
		paginationToken: more ? String(page + 1) : undefined,
	};
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		'contacts',
		(c) => {
			const name =
				[c.first_name, c.last_name].filter(Boolean).join(' ') || String(c.company_name ?? c.id);
			return c.email ? `${name} <${String(c.email)}>` : name;
		},
		filter,
		paginationToken,
	);
}

export async function searchActivities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		'activities',
		(a) => `${String(a.name)} (${String(a.state ?? '')})`,
		filter,
		paginationToken,
	);
}
