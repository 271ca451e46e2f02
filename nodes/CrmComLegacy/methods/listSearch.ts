import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_RESULTS, legacy } from '../transport';

const IDENTIFIER_FIELDS = new Set(['id', 'number', 'name', 'alternative_code']);

/**
 * Contact informations for the Identifier picker, 50 a page (offset/number_of_results). The value
 * is the field the "Identify By" choice names (number by default); the API has no search
 * parameter, so the typed text filters the page read.
 */
export async function searchContactInformation(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('identifierType') ?? 'number');
	const field = IDENTIFIER_FIELDS.has(chosen) ? chosen : 'number';
	const offset = paginationToken ? Number(paginationToken) : 0;
	const data = await legacy.request<IDataObject[] | IDataObject>(this, {
		method: 'GET',
		path: 'contact_information/list',
		qs: { offset, number_of_results: MAX_RESULTS },
	});
	const rows = Array.isArray(data) ? data : [];
	const label = (r: IDataObject) => {
		const name =
			[r.first_name, r.last_name].filter(Boolean).join(' ') ||
			String(r.company_name ?? r.name ?? '');
		return name ? `${name} (${String(r.number ?? r.id)})` : String(r.number ?? r.id);
	};
	const needle = filter?.trim().toLowerCase();
	return {
		results: rows
			.filter((r) => r[field] !== undefined && r[field] !== null && r[field] !== '')
			.map((r) => ({ name: label(r), value: String(r[field]) }))
			.filter((r) => !needle || r.name.toLowerCase().includes(needle)),
		paginationToken: rows.length === MAX_RESULTS ? String(offset + MAX_RESULTS) : undefined,
	};
}
