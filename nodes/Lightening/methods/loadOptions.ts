import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { contactsForEditor, text } from './customerContacts';

/** The operation's customers: Customer ID (Create, Create or Update) or Customer IDs. */
function customersOf(ctx: ILoadOptionsFunctions): { raw: unknown; label: string } | undefined {
	for (const [name, label] of [
		['customerId', 'Customer ID'],
		['customerIds', 'Customer IDs (for the List)'],
	] as const) {
		let raw: unknown;
		try {
			raw = ctx.getCurrentNodeParameter(name);
		} catch {
			raw = undefined;
		}
		if (text(raw) !== '') return { raw, label };
	}
	return undefined;
}

/**
 * The values `idField`/`nameField` seen on the contacts of the operation's customers, one
 * option per id, sorted by name. Lightening documents no list of cost centers or portal
 * profiles, but every contact of `GET contact` carries its own (`cost_center_id` and
 * `cost_center_name`, `customer_portal_profile_id` and `customer_portal_profile_name`); an id of
 * 0 or none is left out. Without a customer, or when Lightening refuses the list, the dropdown
 * says so and how to type the ID instead.
 */
async function seenOnContacts(
	ctx: ILoadOptionsFunctions,
	what: string,
	idField: string,
	nameField: string,
): Promise<INodePropertyOptions[]> {
	const typeIt = `Or type the ${what} ID: switch the field to Expression and enter the ID.`;
	const contacts = await contactsForEditor(ctx, customersOf(ctx), {
		noCustomer: `Enter the Customer ID first: Lightening lists the ${what}s only as its contacts carry them`,
		noCustomerHint: typeIt,
		purpose: ` for their ${what}s`,
		refusedHint: typeIt.replace(/^Or type/, 'Type'),
	});
	const byId = new Map<string, INodePropertyOptions>();
	for (const contact of contacts) {
		const id = text(contact[idField]);
		if (id === '' || id === '0' || byId.has(id)) continue;
		const name = text(contact[nameField]);
		byId.set(id, { name: name ? `${name} (${id})` : id, value: id });
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Cost centers seen on the customer's contacts. */
export async function getCostCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await seenOnContacts(this, 'cost center', 'cost_center_id', 'cost_center_name');
}

/** Customer portal profiles seen on the customer's contacts. */
export async function getPortalProfiles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await seenOnContacts(
		this,
		'portal profile',
		'customer_portal_profile_id',
		'customer_portal_profile_name',
	);
}

/** The node's `methods.loadOptions`: every dropdown this file loads. */
export const loadOptions = { getCostCenters, getPortalProfiles };
