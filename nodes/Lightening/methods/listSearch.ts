import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { contactsForEditor, text } from './customerContacts';

/** Contacts a picker page shows; Lightening returns a list whole, so pages are cut here. */
export const CONTACT_PAGE = 100;

/** The fields the typed text is looked for in ("contains", without case). */
const SEARCH_FIELDS = ['name', 'email', 'customer_name', 'id'];

/** How a contact reads in the picker: its name, its email, its customer, its id. */
function label(contact: IDataObject): string {
	const email = text(contact.email);
	const who = [text(contact.name), email ? `<${email}>` : ''].filter(Boolean).join(' ');
	const customer = text(contact.customer_name);
	return `${who || text(contact.id)}${customer ? ` · ${customer}` : ''} (${text(contact.id)})`;
}

/** The Customer IDs the operation's list reads (a comma-separated text), '' when unset. */
function customersParameter(ctx: ILoadOptionsFunctions): unknown {
	try {
		return ctx.getCurrentNodeParameter('customerIds') ?? '';
	} catch {
		return '';
	}
}

/**
 * Contacts for the Contact picker. Lightening lists contacts per customer only (`GET contact`
 * with `customer_id` required) and has no search parameter: the picker lists the contacts of
 * the customers in the operation's Customer IDs field, filtered here by the typed text (name,
 * email, customer name, id), 100 a page. Without customers, or when Lightening refuses the list,
 * the picker says so and how to type the contact's ID instead.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const contacts = await contactsForEditor(
		this,
		{ raw: customersParameter(this), label: 'Customer IDs (for the List)' },
		{
			noCustomer:
				'Enter Customer IDs (for the List) to list their contacts: Lightening lists contacts per customer',
			noCustomerHint: "Or switch Contact to By ID and type the contact's internal ID.",
			purpose: '',
			refusedHint:
				'Type the contact ID instead: switch Contact to By ID and enter its internal ID.',
		},
	);
	const needle = (filter ?? '').trim().toLowerCase();
	const offset = Math.max(0, Number(paginationToken ?? 0) || 0);
	const page = contacts
		.filter((c) => text(c.id) !== '')
		.filter(
			(c) =>
				!needle || SEARCH_FIELDS.some((field) => text(c[field]).toLowerCase().includes(needle)),
		)
		.slice(offset, offset + CONTACT_PAGE + 1);
	return {
		results: page.slice(0, CONTACT_PAGE).map((c) => ({ name: label(c), value: text(c.id) })),
		paginationToken: page.length > CONTACT_PAGE ? String(offset + CONTACT_PAGE) : undefined,
	};
}
