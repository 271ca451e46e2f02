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
import { contactRecord } from './fields';
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
	const mode = ctx.getNodeParameter('mappingMode', 0, 'defineBelow') as MappingMode;
	const prepared: Array<Settled<IDataObject>> = items.map((item, i) => {
		try {
			const auto = mode === 'autoMapInputData';
			return {
				ok: true,
				value: contactRecord(
					ctx.getNode(),
					auto
						? fieldsFromInput(item.json)
						: (ctx.getNodeParameter(fieldsParameter, i, {}) as IDataObject),
					i,
					auto ? identity(i, item.json) : identity(i),
				),
			};
		} catch (error) {
			return { ok: false, error };
		}
	});
	const valid = prepared.flatMap((p, i) => (p.ok ? [{ i, record: p.value }] : []));
	const sent = await sendInBatches(
		valid,
		settings.batchSize ?? 100,
		settings.concurrency ?? 2,
		async (batch) => {
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
		},
	);
	const out: Array<Settled<INodeExecutionData[]>> = prepared.map((p) =>
		p.ok ? { ok: true, value: [] } : p,
	);
	valid.forEach(({ i }, k) => (out[i] = sent[k]));
	return out;
}
