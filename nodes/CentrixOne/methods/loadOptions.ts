import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { centrix } from '../transport';

/**
 * The docs name no keys for Users and Scripts rows: read the id and the name from the first
 * key that fits (case-insensitive), known names first, then any `id…` / `…name` key.
 */
function keyOf(row: IDataObject, known: string[], pattern: RegExp): string | undefined {
	const keys = Object.keys(row);
	for (const name of known) {
		const key = keys.find((k) => k.toLowerCase() === name.toLowerCase());
		if (key && row[key] !== null && row[key] !== undefined && row[key] !== '') return key;
	}
	return keys.find((k) => pattern.test(k) && row[k] !== null && row[k] !== '');
}

/** Dropdown entries from rows whose key names the API does not document. */
export function optionsFrom(
	ctx: ILoadOptionsFunctions,
	object: string,
	rows: IDataObject[],
	ids: string[],
	names: string[],
	extra?: string[],
): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	for (const row of rows) {
		const idKey = keyOf(row, ids, /^id/i);
		if (!idKey) continue;
		const nameKey = keyOf(row, names, /name/i);
		const extraKey = extra ? keyOf(row, extra, /mail/i) : undefined;
		options.push({
			name: String(row[nameKey ?? idKey]),
			value: String(row[idKey]),
			description: extraKey ? String(row[extraKey]) : undefined,
		});
	}
	if (rows.length > 0 && options.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`CentrixOne's ${object} reply has no id field this node knows (fields: ${Object.keys(rows[0]).join(', ')})`,
		);
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Contact lists (Scripts), for list pickers. */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await centrix.list(
		this,
		{ path: 'Scripts', qs: { fields: 'all' }, options: {} },
		{ returnAll: true },
	);
	return optionsFrom(
		this,
		'Scripts',
		rows,
		['ids', 'idscript', 'id'],
		['Name', 'ScriptName', 'Title'],
	);
}

/** Users, for the sales rep pickers. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await centrix.list(
		this,
		{ path: 'Users', qs: { fields: 'all' }, options: {} },
		{ returnAll: true },
	);
	return optionsFrom(
		this,
		'Users',
		rows,
		['idu', 'iduser', 'id'],
		['Name', 'FullName', 'UserName'],
		['Email', 'EMail', 'Mail'],
	);
}
