import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customerIdsOf } from '../actions/contact/helpers';
import { listContacts } from '../transport';

/** A value as trimmed text ('' for none). */
export const text = (value: unknown): string =>
	value === undefined || value === null ? '' : String(value).trim();

/** What the panel says when the contacts cannot be read. */
export interface ContactsForEditorMessages {
	/** The error when no customer is entered. */
	noCustomer: string;
	/** Its hint: how to type the ID instead. */
	noCustomerHint: string;
	/** What the contacts are read for, after "(GET contact)" in the error (may be ''). */
	purpose: string;
	/** The hint when Lightening refuses the list. */
	refusedHint: string;
}

/**
 * The contacts of the operation's customers, for a picker or a dropdown of the panel
 * (Lightening lists contacts per customer only: `GET contact` requires `customer_id`). Without
 * a customer, or when Lightening refuses the list, an error that says how to type the ID instead.
 */
export async function contactsForEditor(
	ctx: ILoadOptionsFunctions,
	customers: { raw: unknown; label: string } | undefined,
	messages: ContactsForEditorMessages,
): Promise<IDataObject[]> {
	const node = ctx.getNode();
	if (!customers || text(customers.raw) === '')
		throw new NodeOperationError(node, messages.noCustomer, {
			description: messages.noCustomerHint,
		});
	const ids = customerIdsOf(node, customers.raw, 0, customers.label);
	try {
		return await listContacts(ctx, ids, undefined, {});
	} catch (error) {
		throw new NodeOperationError(
			node,
			`Lightening did not list the contacts of customer ${ids.join(', ')} (GET contact)${messages.purpose}: ${(error as Error).message}`,
			{ description: messages.refusedHint },
		);
	}
}
