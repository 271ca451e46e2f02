import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { readRequestSettings, requestOptionsCollection } from '../../../shared/descriptions';
import { sendInBatches } from '../../../shared/transport/batch';
import { centrixRequest } from '../../transport';
import { contactRecord } from './helpers';
import { fieldsFromInput, type MappingMode } from './mapping';
import { identityKey, pairReply, type ReplyRecord } from './pairing';

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
		// upserts by ExternalID and updates by idc may be repeated; a batch with a plain create may not
		const idempotent = batch.every(
			({ record }) => record.idc !== undefined || record.ExternalID !== undefined,
		);
		const reply = await centrixRequest(ctx, {
			method: 'POST',
			object: 'Contacts',
			baseFilter: 'C',
			body: { Contacts: batch.map(({ record }) => record) },
			idempotent,
			itemIndex: batch[0].i,
			options: settings.request,
		});
		const body = (reply.body ?? {}) as IDataObject;
		const sent = batch.map(({ record }) => record);
		if (!Array.isArray(body.Contacts)) {
			// the docs promise only `{"Result":"Success"}`: then the whole batch was written
			if (body.Result !== 'Success') {
				const error = new Error(
					`CentrixOne: ${typeof body.Error === 'string' && body.Error ? body.Error : 'the batch was refused'}`,
				);
				return batch.map(() => ({ ok: false as const, error }));
			}
			const found = await readBack(sent, batch[0].i);
			return batch.map(({ i, record }) => {
				const key = identityKey(record);
				const back = key === undefined ? undefined : found.records.get(key);
				const json: IDataObject = back
					? { ...back, _result: 'Success', _recordFrom: 'readBack' }
					: {
							...record,
							_result: 'Success',
							_recordFrom: 'request',
							_note:
								key === undefined
									? 'CentrixOne answered Success without per-contact records; a new contact without External ID cannot be read back, so its idc is not known'
									: found.error
										? `CentrixOne answered Success without per-contact records; reading the contact back failed: ${found.error}`
										: 'CentrixOne answered Success without per-contact records, and the contact was not found when read back',
						};
				return { ok: true as const, value: [{ json, pairedItem: { item: i } }] };
			});
		}
		const { pairs, warnings } = pairReply(sent, body.Contacts as ReplyRecord[]);
		return batch.map(({ i, record }, k) => {
			const pair = pairs[k];
			if (pair.kind === 'unknown') return { ok: false as const, error: new Error(pair.reason) };
			const answer = pair.answer;
			if (answer.Result !== 'Success')
				return {
					ok: false as const,
					error: new Error(`CentrixOne: ${answer.Error ?? 'the contact was refused'}`),
				};
			const json: IDataObject = {
				...record,
				idc: answer.idc ?? record.idc,
				ExternalID: answer.ExternalID || record.ExternalID,
				_result: 'Success',
				_recordFrom: 'reply',
				_pairedBy: pair.by,
			};
			if (warnings.length) json._replyWarnings = warnings;
			return { ok: true as const, value: [{ json, pairedItem: { item: i } }] };
		});
	}

	/**
	 * After a bare `Result: Success`, the written contacts in one GET per batch: the advanced
	 * filter ORs their idc / ExternalID (the base filter ANDs its parts). Contacts are matched by
	 * identity here too, so a service that ignores the filter still gives each item its own.
	 */
	async function readBack(
		sent: IDataObject[],
		itemIndex: number,
	): Promise<{ records: Map<string, IDataObject>; error?: string }> {
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
