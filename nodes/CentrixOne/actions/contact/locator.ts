import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/locator';
import { idParameter } from '../../../shared/parameters';
import { fieldError } from '../../../shared/validation';

/**
 * The Contact picker of every operation that takes a contact's idc: From List (searched by
 * name, email, company or External ID) and By ID (the idc, digits only). CentrixOne documents
 * no record URLs (its API addresses contacts through the `C<idc>` base filter only), so there
 * is no By URL mode.
 */
export function contactLocator(
	name: string,
	extra: Partial<Pick<INodeProperties, 'description' | 'displayOptions'>> = {},
): INodeProperties {
	const locator = recordLocator({
		name,
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		idPattern: '[0-9]+',
		idPlaceholder: '1002',
		description:
			extra.description ??
			'The contact, by its CentrixOne ID (idc): picked from the list, or its digits',
		displayOptions: extra.displayOptions,
	});
	// By ID says what is allowed
	return {
		...locator,
		modes: locator.modes?.map((mode) =>
			mode.name === 'id'
				? {
						...mode,
						validation: [
							{
								type: 'regex' as const,
								properties: {
									regex: '^[0-9]+$',
									errorMessage: 'Not a valid contact ID: the CentrixOne ID (idc) is digits only',
								},
							},
						],
					}
				: mode,
		),
	};
}

/** The idc picked in the Contact picker `name` of item `i` (a plain string of older workflows too). */
export function contactIdc(ctx: IExecuteFunctions, name: string, i: number): string {
	const idc = idParameter(ctx, name, 'Contact', i);
	if (!/^\d+$/.test(idc))
		throw fieldError(ctx.getNode(), 'Contact', 'must be a CentrixOne ID (idc): digits only', i);
	return idc;
}
