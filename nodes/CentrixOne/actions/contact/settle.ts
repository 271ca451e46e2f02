import type { IDataObject } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { identityKey, pairReply, type ReplyRecord } from './pairing';

/** One contact of a batch: its input item and the record sent for it. */
export interface PendingWrite {
	i: number;
	record: IDataObject;
}

/** What one POST of contacts came to, when the service answered. */
export type PostOutcome =
	/** A 2xx JSON object: per-contact records, a bare `Result: Success`, or a top-level error. */
	| { kind: 'reply'; body: IDataObject }
	/** An error status whose text names no contact (a 4xx, a 500): the batch was refused. */
	| { kind: 'refused'; error: unknown }
	/** Not a reply about the contacts (a lost reply, an outage, a bad key): the batch fails whole. */
	| { kind: 'failed'; error: unknown };

/** The written contacts read back, by identity key (`C:<idc>`, `E:<ExternalID>`). */
export interface ReadBack {
	records: Map<string, IDataObject>;
	error?: string;
}

export interface WriteIo {
	/**
	 * Sends these contacts in one POST. `idempotent`: every one is keyed by idc or External ID,
	 * so the request may be repeated. A `failed` outcome (or a throw) fails the whole batch.
	 */
	post(records: IDataObject[], idempotent: boolean): Promise<PostOutcome>;
	/** Reads these contacts back, in one GET. */
	read(records: IDataObject[]): Promise<ReadBack>;
}

type Outcome =
	| { kind: 'done'; json: IDataObject }
	| { kind: 'written'; resent: boolean }
	| { kind: 'failed'; error: unknown };

/** The top-level error of a 2xx reply that is not a success. */
function replyError(body: IDataObject): Error {
	const text =
		typeof body.Error === 'string' && body.Error
			? body.Error
			: `the batch was refused (Result: ${String(body.Result ?? '-')})`;
	return new Error(`CentrixOne: ${text}`);
}

/**
 * Writes one batch and settles every contact of it, whatever form the reply takes:
 * - per-contact records: paired by identity (`pairReply`);
 * - a bare `Result: Success`: every contact was written; each one keyed by idc or External ID
 *   is read back, all of them in one GET, and matched by identity;
 * - a top-level refusal (an error status, or `Result` other than `Success`) that does not say
 *   which contact: a batch of one is that contact's own error. In a larger batch, a contact
 *   keyed by idc or External ID is safe to send again: those are re-sent in halves until each
 *   refused contact stands alone (at most 2n - 1 requests for n contacts). A new contact
 *   without a key is never sent again (it could be created twice) and cannot be read back:
 *   it fails as "outcome unknown".
 * One result per contact, in batch order; a contact's result holds its own record or its own
 * error, never another contact's.
 */
export async function settleBatch(
	batch: PendingWrite[],
	io: WriteIo,
): Promise<Array<Settled<IDataObject>>> {
	const records = batch.map((b) => b.record);
	const outcomes = await settle(records, false);
	const written = records.filter(
		(record, k) => outcomes[k].kind === 'written' && identityKey(record) !== undefined,
	);
	const found: ReadBack = written.length
		? await io.read(written)
		: { records: new Map<string, IDataObject>() };
	return records.map((record, k): Settled<IDataObject> => {
		const outcome = outcomes[k];
		if (outcome.kind === 'failed') return { ok: false, error: outcome.error };
		if (outcome.kind === 'done') return { ok: true, value: outcome.json };
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
		if (outcome.resent) json._resent = true;
		return { ok: true, value: json };
	});

	async function settle(sent: IDataObject[], resent: boolean): Promise<Outcome[]> {
		const idempotent = sent.every((record) => identityKey(record) !== undefined);
		let outcome: PostOutcome;
		try {
			outcome = await io.post(sent, idempotent);
		} catch (error) {
			return sent.map(() => ({ kind: 'failed', error }));
		}
		if (outcome.kind === 'failed') {
			const error = outcome.error;
			return sent.map(() => ({ kind: 'failed', error }));
		}
		if (outcome.kind === 'refused') return await refused(sent, outcome.error);
		const body = outcome.body;
		if (Array.isArray(body.Contacts))
			return perContact(sent, body.Contacts as ReplyRecord[], resent);
		if (body.Result === 'Success') return sent.map(() => ({ kind: 'written', resent }));
		return await refused(sent, replyError(body));
	}

	/** A refusal that names no contact: find the refused ones without sending a create twice. */
	async function refused(sent: IDataObject[], error: unknown): Promise<Outcome[]> {
		if (sent.length === 1) return [{ kind: 'failed', error }];
		const out: Outcome[] = sent.map(() => ({ kind: 'failed', error }));
		const keyed: number[] = [];
		sent.forEach((record, k) => {
			if (identityKey(record) !== undefined) keyed.push(k);
			else
				out[k] = {
					kind: 'failed',
					error: new Error(
						'CentrixOne: outcome unknown. The service refused the batch this new contact was sent in without saying which contact; a contact without idc or External ID can neither be read back nor safely sent again, so it may or may not have been created. Check CentrixOne before re-running this item; with an External ID (Create or Update) the node finds out by itself.',
					),
				};
		});
		// all keyed: split in halves; creates taken out: the keyed ones again, together
		const groups =
			keyed.length === sent.length
				? [keyed.slice(0, Math.ceil(keyed.length / 2)), keyed.slice(Math.ceil(keyed.length / 2))]
				: [keyed];
		for (const group of groups.filter((g) => g.length > 0)) {
			const results = await settle(
				group.map((k) => sent[k]),
				true,
			);
			group.forEach((k, n) => (out[k] = results[n]));
		}
		return out;
	}

	function perContact(sent: IDataObject[], reply: ReplyRecord[], resent: boolean): Outcome[] {
		const { pairs, warnings } = pairReply(sent, reply);
		return sent.map((record, k): Outcome => {
			const pair = pairs[k];
			if (pair.kind === 'unknown') return { kind: 'failed', error: new Error(pair.reason) };
			const answer = pair.answer;
			if (answer.Result !== 'Success')
				return {
					kind: 'failed',
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
			if (resent) json._resent = true;
			return { kind: 'done', json };
		});
	}
}
