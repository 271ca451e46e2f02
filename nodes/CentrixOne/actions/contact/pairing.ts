import type { IDataObject } from 'n8n-workflow';

/** One record of a CentrixOne write reply, when the service gives them. */
export interface ReplyRecord {
	idc?: number | string | null;
	ExternalID?: string | null;
	Result?: string;
	Error?: string | null;
}

/** What a sent contact is known by: its idc (update), else its ExternalID (upsert), else none. */
export function identityKey(record: IDataObject): string | undefined {
	const idc = record.idc;
	if (idc !== undefined && idc !== null && String(idc) !== '') return `C:${String(idc)}`;
	const ext = record.ExternalID;
	if (ext !== undefined && ext !== null && String(ext) !== '') return `E:${String(ext)}`;
	return undefined;
}

/** The keys a reply record can be claimed by: its idc, then its ExternalID. */
function replyKeys(answer: ReplyRecord): string[] {
	const keys: string[] = [];
	if (answer.idc !== undefined && answer.idc !== null && String(answer.idc) !== '')
		keys.push(`C:${String(answer.idc)}`);
	if (
		answer.ExternalID !== undefined &&
		answer.ExternalID !== null &&
		String(answer.ExternalID) !== ''
	)
		keys.push(`E:${String(answer.ExternalID)}`);
	return keys;
}

export type Pairing =
	| { kind: 'answered'; answer: ReplyRecord; by: 'identity' | 'position' }
	| { kind: 'unknown'; reason: string };

export interface PairingResult {
	/** One per sent record, in the order sent. */
	pairs: Pairing[];
	/** Reply records that belong to no sent record, or that repeat one: reported, never used. */
	warnings: string[];
}

const describe = (answer: ReplyRecord) =>
	`idc ${answer.idc === undefined || answer.idc === null ? '-' : String(answer.idc)}, ExternalID ${
		answer.ExternalID ? String(answer.ExternalID) : '-'
	}, Result ${answer.Result ?? '-'}`;

const agree = (a: ReplyRecord, b: ReplyRecord) =>
	a.Result === b.Result &&
	String(a.idc ?? '') === String(b.idc ?? '') &&
	String(a.Error ?? '') === String(b.Error ?? '');

/**
 * Pairs the records of a write reply with the records sent, by identity (idc, then ExternalID),
 * never by position when identity is available. A sent record without identity (a plain create)
 * is paired by position only when the reply is provably aligned: as long as the batch, every
 * identified record answered at its own position, and the answer at the create's position
 * claimed by no other record. A sent record left without its answer is "outcome unknown"; a
 * reply record claimed by nobody, or repeating another with a different outcome, is reported.
 */
export function pairReply(sent: IDataObject[], reply: ReplyRecord[]): PairingResult {
	const warnings: string[] = [];
	const keys = sent.map(identityKey);
	const wanted = new Set(keys.filter((k): k is string => k !== undefined));
	// reply records by the sent identity they are claimed by (idc first, then ExternalID)
	const claimed = new Map<string, number[]>();
	const claimOf: Array<string | undefined> = reply.map((answer, j) => {
		const key = replyKeys(answer).find((k) => wanted.has(k));
		if (key !== undefined) claimed.set(key, [...(claimed.get(key) ?? []), j]);
		return key;
	});
	// sent records sharing one identity write the same contact: its answers go to them in order
	const used = new Set<number>();
	const pairs: Pairing[] = keys.map(() => ({ kind: 'unknown', reason: '' }));
	const bySentKey = new Map<string, number[]>();
	keys.forEach((key, k) => {
		if (key !== undefined) bySentKey.set(key, [...(bySentKey.get(key) ?? []), k]);
	});
	for (const [key, senders] of bySentKey) {
		const answers = claimed.get(key) ?? [];
		const first = answers.length ? reply[answers[0]] : undefined;
		const consistent = answers.every((j) => first !== undefined && agree(reply[j], first));
		senders.forEach((k, n) => {
			const j: number | undefined = answers[n];
			if (j === undefined || (!consistent && answers.length > senders.length)) {
				pairs[k] = {
					kind: 'unknown',
					reason:
						j !== undefined
							? 'CentrixOne answered this contact several times with different outcomes: its outcome is unknown'
							: 'CentrixOne did not answer for this contact: its outcome is unknown',
				};
				return;
			}
			used.add(j);
			pairs[k] = { kind: 'answered', answer: reply[j], by: 'identity' };
		});
	}
	// plain creates: by position, only in a reply proven aligned
	const creates = keys.flatMap((key, k) => (key === undefined ? [k] : []));
	if (creates.length) {
		const aligned =
			reply.length === sent.length &&
			keys.every((key, k) =>
				key === undefined ? claimOf[k] === undefined && !used.has(k) : claimOf[k] === key,
			);
		for (const k of creates) {
			if (aligned) {
				used.add(k);
				pairs[k] = { kind: 'answered', answer: reply[k], by: 'position' };
			} else {
				pairs[k] = {
					kind: 'unknown',
					reason:
						'CentrixOne answered this batch with records missing, added or out of order, and this new contact has no idc or External ID to find its answer by: its outcome is unknown',
				};
			}
		}
	}
	reply.forEach((answer, j) => {
		if (used.has(j)) return;
		warnings.push(
			claimOf[j] === undefined
				? `reply record for no contact of this batch (${describe(answer)})`
				: `duplicate reply record (${describe(answer)})`,
		);
	});
	return { pairs, warnings };
}
