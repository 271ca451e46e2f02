import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_RESULTS, legacy } from '../transport';

const IDENTIFIER_FIELDS = new Set(['id', 'number', 'name', 'alternative_code']);

/**
 * Contact informations for the Identifier picker, 50 a page (offset/number_of_results). The value
 * is the field the "Identify By" choice names (number by default); the API has no search
 * parameter, so the typed text filters the page read. When CRM.COM refuses the list (a user
 * without the right, a release without `contact_information/list`), the picker says so and how
 * to type the identifier instead.
 */
export async function searchContactInformation(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('identifierType') ?? 'number');
	const field = IDENTIFIER_FIELDS.has(chosen) ? chosen : 'number';
	const offset = paginationToken ? Number(paginationToken) : 0;
	let data: IDataObject[] | IDataObject;
	try {
		data = await legacy.request<IDataObject[] | IDataObject>(this, {
			method: 'GET',
			path: 'contact_information/list',
			qs: { offset, number_of_results: MAX_RESULTS },
		});
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`CRM.COM did not list the contact informations (GET contact_information/list): ${(error as Error).message}`,
			{
				description:
					'Type the identifier instead: switch Identifier to By Identifier and enter the value Identify By names.',
			},
		);
	}
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
