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

export const writeOptions: INodeProperties = requestOptionsCollection(
	['batchSize', 'concurrency', 'maxAttempts', 'retryBudget', 'timeout'],
	{ batchSize: 100, concurrency: 2 },
);

interface ReplyRecord {
	idc?: number | string | null;
	ExternalID?: string | null;
	Result?: string;
	Error?: string;
}

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
	// each batch is prepared just before it is sent, so that preparing the next batches overlaps
	// the replies awaited; an item that fails its checks fails alone and is not sent
	return await sendInBatches(
		items.map((_item, i) => i),
		settings.batchSize ?? 100,
		settings.concurrency ?? 2,
		async (batch) => {
			const prepared = batch.map(prepare);
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
		const records = ((reply.body ?? {}).Contacts as ReplyRecord[] | undefined) ?? [];
		return batch.map(({ i, record }, k) => {
			const answer = records[k];
			if (!answer)
				return {
					ok: false as const,
					error: new Error('CentrixOne did not answer for this contact: its outcome is unknown'),
				};
			if (answer.Result !== 'Success')
				return {
					ok: false as const,
					error: new Error(`CentrixOne: ${answer.Error ?? 'the contact was refused'}`),
				};
			const json: IDataObject = {
				...record,
				idc: answer.idc ?? record.idc,
				ExternalID: answer.ExternalID ?? record.ExternalID,
				_result: 'Success',
			};
			return { ok: true as const, value: [{ json, pairedItem: { item: i } }] };
		});
	}
}
