import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customerIdsOf } from '../actions/contact/helpers';
import { listContacts } from '../transport';

const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).trim();

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
	const node = ctx.getNode();
	const typeIt = `Or type the ${what} ID: switch the field to Expression and enter the ID.`;
	const customers = customersOf(ctx);
	if (!customers)
		throw new NodeOperationError(
			node,
			`Enter the Customer ID first: Lightening lists the ${what}s only as its contacts carry them`,
			{ description: typeIt },
		);
	const ids = customerIdsOf(node, customers.raw, 0, customers.label);
	let contacts: IDataObject[];
	try {
		contacts = await listContacts(ctx, ids, undefined, {});
	} catch (error) {
		throw new NodeOperationError(
			node,
			`Lightening did not list the contacts of customer ${ids.join(', ')} (GET contact) for their ${what}s: ${(error as Error).message}`,
			{ description: typeIt.replace(/^Or type/, 'Type') },
		);
	}
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
