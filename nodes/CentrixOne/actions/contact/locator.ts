import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/locator';
import { fieldError } from '../../../shared/validation';

/** What By ID accepts: an idc (digits), or, where the picker also takes one, an External ID. */
const BY_ID = {
	idc: {
		errorMessage: 'Not a valid contact ID: the CentrixOne ID (idc) is digits only',
		placeholder: '1002',
	},
	idcOrExternalId: {
		errorMessage:
			'Not a valid contact ID: an idc (digits) or an External ID without , / \\ ? # % or spaces',
		placeholder: '1002 or ada@example.com',
	},
} as const;

/**
 * The Contact picker of every operation that takes a contact: From List (searched by name,
 * email, company or External ID; the value is the idc, or the External ID where the operation's
 * Find By says so) and By ID (with a regex naming what is allowed). CentrixOne documents no
 * record URLs (its API addresses contacts through the `C<idc>` / `E<External ID>` base filters
 * only), so there is no By URL mode.
 */
export function contactLocator(
	name: string,
	accepts: keyof typeof BY_ID,
	description: string,
): INodeProperties {
	const byId = BY_ID[accepts];
	const locator = recordLocator({
		node: 'centrixOne',
		name,
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		idPattern: '[0-9]+',
		idPlaceholder: byId.placeholder,
		description,
	});
	// By ID's rule is in the placeholder and checked by the operation (contactIdc, and the Get
	// operation's External ID check), not by an n8n `validation` regex (see nodes/shared/locator.ts)
	return {
		...locator,
		modes: locator.modes?.map((mode) =>
			mode.name === 'id'
				? { ...mode, hint: byId.errorMessage.replace(/^Not a valid contact ID: /, '') }
				: mode,
		),
	};
}

/**
 * The text picked in the Contact picker `name` of item `i`, trimmed (a plain string of a
 * workflow saved before the picker too); an expression that resolves to null reads as empty.
 */
export function contactValue(ctx: IExecuteFunctions, name: string, i: number): string {
	// as stored: the picker has no URL mode, and n8n's regex extraction is not needed (locator.ts)
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	const value = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	return value === null || value === undefined ? '' : String(value).trim();
}

/** The idc picked in the Contact picker `name` of item `i`, checked: digits only. */
export function contactIdc(ctx: IExecuteFunctions, name: string, i: number): string {
	const idc = contactValue(ctx, name, i);
	if (idc === '') throw fieldError(ctx.getNode(), 'Contact', 'must not be empty', i);
	if (!/^\d+$/.test(idc))
		throw fieldError(ctx.getNode(), 'Contact', 'must be a CentrixOne ID (idc): digits only', i);
	return idc;
}
