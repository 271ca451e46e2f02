import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { centrix } from '../transport';

/** Contacts a picker page shows; CentrixOne returns a read whole, so pages are cut here. */
export const CONTACT_PAGE = 100;

/** The fields the typed text is looked for in ("contains", without case). */
const SEARCH_FIELDS = ['FirstName', 'Name', 'FullName', 'Email', 'Company', 'ExternalID'];

/** The operation's Find By (Get), `idc` where there is none (Update). */
function findBy(ctx: ILoadOptionsFunctions): string {
	try {
		return String(ctx.getCurrentNodeParameter('findBy') ?? 'idc');
	} catch {
		return 'idc';
	}
}

/** How a contact reads in the picker: its name, its email, its idc. */
function label(row: IDataObject): string {
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
	const name =
		text(row.FullName) ||
		[text(row.FirstName), text(row.Name)].filter(Boolean).join(' ') ||
		text(row.Company) ||
		text(row.ExternalID);
	const email = text(row.Email);
	const who = [name, email && email !== name ? `<${email}>` : ''].filter(Boolean).join(' ');
	return who ? `${who} (${String(row.idc)})` : String(row.idc);
}

/**
 * Contacts for the Contact picker: the Contacts read with the base filter `all` and, when text
 * is typed, an advanced filter ORing "contains" (`[=]`) on the name, email, company and External
 * ID fields (and `idc` equal to a typed number). The value is the contact's idc. CentrixOne has
 * no paging: the matches come in one reply (the fields limited to what the label shows), and
 * are handed to the editor 100 a page.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// a TAB or a line break would change the filter's meaning
	const typed = (filter ?? '').replace(/[\t\r\n]+/g, ' ').trim();
	const conditions = typed
		? [
				...SEARCH_FIELDS.map((field) => [field, '[=]', typed]),
				...(/^\d+$/.test(typed) ? [['idc', '=', typed]] : []),
			]
		: [];
	const filters = conditions.map((c, n) => [n === 0 ? '' : 'OR', ...c, ''].join('\t')).join('\n');
	const rows = await centrix.list(
		this,
		{
			path: 'Contacts',
			baseFilter: 'all',
			qs: {
				fields: 'FirstName,Name,FullName,Email,Company',
				...(filters ? { filters } : {}),
			},
			options: {},
		},
		{ returnAll: true },
	);
	const key = findBy(this) === 'externalId' ? 'ExternalID' : 'idc';
	const offset = Math.max(0, Number(paginationToken ?? 0) || 0);
	const page = rows
		.filter((row) => row[key] !== undefined && row[key] !== null && row[key] !== '')
		.slice(offset, offset + CONTACT_PAGE + 1);
	return {
		results: page
			.slice(0, CONTACT_PAGE)
			.map((row) => ({ name: label(row), value: String(row[key]) })),
		paginationToken: page.length > CONTACT_PAGE ? String(offset + CONTACT_PAGE) : undefined,
	};
}
