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

/** A "From List" search of one CRM.COM list, each record named by `label`. */
function searchOf(path: string, label: (record: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await search(this, path, label, filter, paginationToken);
	};
}

export const searchContacts = searchOf('contacts', (c) => {
	const name =
		[c.first_name, c.last_name].filter(Boolean).join(' ') || String(c.company_name ?? c.id);
	return c.email ? `${name} <${String(c.email)}>` : name;
});

export const searchActivities = searchOf(
	'activities',
	(a) => `${String(a.name)} (${String(a.state ?? '')})`,
);

export const searchInsights = searchOf('insights', (i) => String(i.name ?? i.id));
