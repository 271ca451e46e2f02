import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { listOf } from '../shared/parameters';
import { readRequestSettings, requestOptionsCollection } from '../shared/descriptions';
import { fieldError } from '../shared/validation';
import { baseFilterPart, centrixRequest } from './transport';

/** Static data: the Last-Modified of the previous read, and a fingerprint per contact. */
interface TriggerState {
	lastModified?: string;
	fingerprints?: Record<string, string>;
}

const SAMPLE_SIZE = 3;

/** A short, stable fingerprint of a contact (FNV-1a over its JSON with sorted keys). */
export function fingerprint(record: IDataObject): string {
	const text = JSON.stringify(record, Object.keys(record).sort());
	let hash = 0x811c9dc5;
	for (let k = 0; k < text.length; k++) {
		hash ^= text.charCodeAt(k);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

export class CentrixOneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CentrixOne Trigger',
		name: 'centrixOneTrigger',
		icon: { light: 'file:centrixone.svg', dark: 'file:centrixone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when CentrixOne contacts are added or changed',
		defaults: { name: 'CentrixOne Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'centrixOneApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Contact', value: 'new' },
					{ name: 'New or Updated Contact', value: 'any' },
					{ name: 'Updated Contact', value: 'updated' },
				],
				default: 'any',
			},
			{
				displayName: 'List IDs',
				name: 'lists',
				type: 'string',
				default: '',
				placeholder: '10, 20',
				description:
					'Watch only the contacts of these lists (comma-separated IDs); empty watches all contacts',
			},
			requestOptionsCollection(['maxAttempts', 'retryBudget', 'timeout']),
		],
	};

	/**
	 * One read with If-Modified-Since: a 304 (nothing changed) costs one request and emits
	 * nothing; otherwise the contacts whose fingerprint is new or differs are emitted.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as 'new' | 'updated' | 'any';
		const parts = listOf(this.getNodeParameter('lists', ''));
		let baseFilter = 'all';
		try {
			if (parts.length) baseFilter = parts.map((p) => baseFilterPart('S', p)).join(',');
		} catch (error) {
			throw fieldError(this.getNode(), 'List IDs', (error as Error).message);
		}
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const manual = this.getMode() === 'manual';
		const reply = await centrixRequest(this, {
			method: 'GET',
			object: 'Contacts',
			baseFilter,
			qs: { fields: 'all' },
			headers:
				!manual && state.lastModified ? { 'If-Modified-Since': state.lastModified } : undefined,
			options: readRequestSettings(this).request,
		});
		if (reply.statusCode === 304) return null;
		const contacts = ((reply.body ?? {}).Contacts as IDataObject[] | undefined) ?? [];
		if (manual) {
			return contacts.length
				? [
						this.helpers.returnJsonArray(
							contacts.slice(0, SAMPLE_SIZE).map((c) => ({ ...c, _event: 'updated' })),
						),
					]
				: null;
		}
		const previous = state.fingerprints;
		const next: Record<string, string> = {};
		const changed: IDataObject[] = [];
		for (const contact of contacts) {
			const id = String(contact.idc);
			next[id] = fingerprint(contact);
			if (!previous) continue;
			const kind =
				previous[id] === undefined ? 'new' : previous[id] !== next[id] ? 'updated' : undefined;
			if (kind && (event === 'any' || event === kind)) changed.push({ ...contact, _event: kind });
		}
		state.fingerprints = next;
		state.lastModified = reply.headers['last-modified'] ?? state.lastModified;
		// the first activation only records what exists
		if (!previous || changed.length === 0) return null;
		return [this.helpers.returnJsonArray(changed)];
	}
}
