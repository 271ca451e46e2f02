import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { readRequestSettings, requestOptionsCollection } from '../../../shared/descriptions';
import { sendInBatches } from '../../../shared/transport/batch';
import { centrixRequest, centrixWrites } from '../../transport';
import { contactRecord } from './helpers';
import { fieldsFromInput, type MappingMode } from './mapping';
import { identityKey } from './pairing';
import { settleBatch, type ReadBack } from './settle';

export const writeOptions: INodeProperties = requestOptionsCollection(
	['batchSize', 'concurrency', 'maxAttempts', 'retryBudget', 'timeout'],
	{ batchSize: 100, concurrency: 2 },
);

/**
 * Sends many contacts in `{"Contacts":[...]}` batches of Options → Batch Size and pairs each
 * reply record with its input item; an item that fails validation, or whose record the API
 * refuses, fails alone. `identity(i, json)` gives the record's idc / ExternalID (validated); `json`
 * is the input item's data in "Map Automatically" mode, where the fields come from it too.
 */
export async function writeContacts(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	fieldsParameter: string,
	identity: (i: number, json?: IDataObject) => IDataObject,
): Promise<Array<Settled<INodeExecutionData[]>>> {
	const settings = readRequestSettings(ctx, 0);
	const auto =
		(ctx.getNodeParameter('mappingMode', 0, 'defineBelow') as MappingMode) === 'autoMapInputData';
	const prepare = (i: number): Settled<IDataObject> => {
		try {
			const json = items[i].json;
			return {
				ok: true,
				value: contactRecord(
					ctx.getNode(),
					auto
						? fieldsFromInput(json)
						: (ctx.getNodeParameter(fieldsParameter, i, {}) as IDataObject),
					i,
					auto ? identity(i, json) : identity(i),
				),
			};
		} catch (error) {
			return { ok: false, error };
		}
	};
	// without continueOnFail the node stops at its first failure: every item is checked before
	// anything is sent, and no batch is sent after a failure (it would be written unreported)
	const stopOnFailure = !ctx.continueOnFail();
	const preparedAhead = stopOnFailure ? items.map((_item, i) => prepare(i)) : undefined;
	const firstInvalid = preparedAhead?.findIndex((p) => !p.ok) ?? -1;
	// the node stops at this item: nothing has been sent
	if (preparedAhead && firstInvalid >= 0)
		throw (preparedAhead[firstInvalid] as { ok: false; error: unknown }).error;
	// with continueOnFail each batch is prepared just before it is sent, so that preparing the
	// next batches overlaps the replies awaited; an item that fails its checks fails alone
	return await sendInBatches(
		items.map((_item, i) => i),
		settings.batchSize ?? 100,
		settings.concurrency ?? 2,
		async (batch) => {
			const prepared = batch.map((i) => preparedAhead?.[i] ?? prepare(i));
			const valid = batch.flatMap((i, k) => {
				const p = prepared[k];
				return p.ok ? [{ i, record: p.value }] : [];
			});
			let sent: Array<Settled<INodeExecutionData[]>> = [];
			if (valid.length) {
				try {
					sent = await sendBatch(valid);
				} catch (error) {
					sent = valid.map(() => ({ ok: false as const, error }));
				}
			}
			let next = 0;
			return prepared.map((p) => (p.ok ? sent[next++] : p));
		},
		{ stopOnFailure, context: ctx },
	);

	async function sendBatch(
		batch: Array<{ i: number; record: IDataObject }>,
	): Promise<Array<Settled<INodeExecutionData[]>>> {
		const itemIndex = batch[0].i;
		const settled = await settleBatch(batch, {
			async post(records, idempotent) {
				try {
					const reply = await centrixWrites.send(ctx, {
						method: 'POST',
						path: 'Contacts',
						baseFilter: 'C',
						body: { Contacts: records },
						idempotent,
						itemIndex,
						options: settings.request,
					});
					return { kind: 'reply', body: (reply.body ?? {}) as IDataObject };
				} catch (error) {
					return isRefusal(error) ? { kind: 'refused', error } : { kind: 'failed', error };
				}
			},
			read: async (records) => await readBack(records, itemIndex),
		});
		return settled.map((result, k) =>
			result.ok
				? { ok: true as const, value: [{ json: result.value, pairedItem: { item: batch[k].i } }] }
				: result,
		);
	}

	/**
	 * After a bare `Result: Success`, the written contacts in one GET: the advanced filter ORs
	 * their idc / ExternalID (the base filter ANDs its parts). Contacts are matched by identity
	 * here too, so a service that ignores the filter still gives each item its own.
	 */
	async function readBack(sent: IDataObject[], itemIndex: number): Promise<ReadBack> {
		const records = new Map<string, IDataObject>();
		const conditions = sent.flatMap((record) => {
			const key = identityKey(record);
			if (key === undefined) return [];
			const field = key.startsWith('C:') ? 'idc' : 'ExternalID';
			return [[field, '=', key.slice(2)]];
		});
		if (!conditions.length) return { records };
		const filters = conditions.map((c, n) => [n === 0 ? '' : 'OR', ...c, ''].join('\t')).join('\n');
		try {
			const reply = await centrixRequest(ctx, {
				method: 'GET',
				object: 'Contacts',
				baseFilter: 'all',
				qs: { fields: 'all', filters },
				itemIndex,
				options: settings.request,
			});
			const contacts = (reply.body ?? {}).Contacts;
			for (const contact of Array.isArray(contacts) ? (contacts as IDataObject[]) : []) {
				for (const key of [`C:${String(contact.idc)}`, `E:${String(contact.ExternalID ?? '')}`])
					if (!records.has(key)) records.set(key, contact);
			}
			return { records };
		} catch (error) {
			return { records, error: (error as Error).message };
		}
	}
}

/**
 * HTTP statuses by which CentrixOne refuses what a batch holds (its text names no contact):
 * a bad request, a conflict, a body too large, a server-side failure on a record. Others (a bad
 * key, an unknown object, a gateway or an outage, a lost reply) are about the call, not a contact.
 */
const REFUSAL_STATUS = new Set(['400', '409', '412', '413', '422', '500']);

function isRefusal(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (!REFUSAL_STATUS.has(String(error.httpCode ?? ''))) return false;
	return !String(error.description ?? '').includes('Outcome unknown');
}
