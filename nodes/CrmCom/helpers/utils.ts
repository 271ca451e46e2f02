import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/**
 * An n8n date/time value (ISO string from the date picker, a Luxon DateTime or a JS Date from
 * an expression, epoch seconds or milliseconds) as epoch seconds, the unit CRM.COM uses.
 */
export function toEpochSeconds(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value > 1e11 ? Math.floor(value / 1000) : Math.floor(value);
	}
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (/^\d+$/.test(text)) return toEpochSeconds(node, Number(text), field, itemIndex);
	const ms = Date.parse(text);
	if (text === '' || Number.isNaN(ms)) {
		throw new NodeOperationError(node, `Invalid value: "${field}" must be a date and time`, {
			itemIndex,
			description: `Got "${text.slice(0, 40)}". Pick a date or use an ISO date such as 2026-01-31T09:00:00Z. Nothing was sent to the CRM.`,
		});
	}
	return Math.floor(ms / 1000);
}

/** Epoch seconds as an ISO date (for simplified output), or null. */
export function isoFromEpoch(value: unknown): string | null {
	return typeof value === 'number' && Number.isFinite(value)
		? new Date(value * 1000).toISOString()
		: null;
}

/** `{ field: [{ key, value }] }` from a key/value fixedCollection, as the API's list. */
export function keyValuePairs(collection: unknown): Array<{ key: string; value: string }> {
	const entries =
		(
			(collection ?? {}) as {
				field?: Array<{ key?: unknown; value?: unknown }>;
			}
		).field ?? [];
	return entries
		.filter((entry) => String(entry.key ?? '').trim() !== '')
		.map((entry) => ({
			key: String(entry.key).trim(),
			value: String(entry.value ?? ''),
		}));
}

/** Drops undefined values, so that an omitted field is not sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, v]) => v !== undefined && v !== ''),
	) as T;
}
