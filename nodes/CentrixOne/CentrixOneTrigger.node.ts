import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { listOf } from '../shared/parameters';
import { emitItems, pollSnapshot, triggerStore, type SnapshotState } from '../shared/trigger';
import {
	choiceField,
	optionsCollection,
	readRequestSettings,
	stringField,
} from '../shared/descriptions';
import { fieldError } from '../shared/validation';
import { baseFilterPart, centrixRequest } from './transport';

const SAMPLE_SIZE = 3;
const STATE_KEY = 'contacts';

/** The state of versions before the engine: kept at the top level of the static data. */
interface LegacyState {
	lastModified?: string;
	fingerprints?: Record<string, string>;
}

const isSnapshotState = (value: unknown): value is SnapshotState =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as SnapshotState).fingerprints === 'object' &&
	(value as SnapshotState).fingerprints !== null;

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
			choiceField(
				'Trigger On',
				'event',
				[
					['New Contact', 'new'],
					['New or Updated Contact', 'any'],
					['Updated Contact', 'updated'],
				],
				'any',
			),
			stringField('List IDs', 'lists', {
				placeholder: '10, 20',
				description:
					'Watch only the contacts of these lists (comma-separated IDs); empty watches all contacts',
			}),
			optionsCollection('read'),
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
		const store = triggerStore(this, STATE_KEY, isSnapshotState);
		// a state saved before the engine: its fingerprints are of another kind, so the first
		// poll after the upgrade records again (no flood), keeping nothing else of it
		const legacy = this.getWorkflowStaticData('node') as LegacyState;
		const manual = this.getMode() === 'manual';
		const validator = store.state?.validator;
		const reply = await centrixRequest(this, {
			method: 'GET',
			object: 'Contacts',
			baseFilter,
			qs: { fields: 'all' },
			headers: !manual && validator ? { 'If-Modified-Since': validator } : undefined,
			options: readRequestSettings(this).request,
		});
		if (reply.statusCode === 304) return null;
		const contacts = ((reply.body ?? {}).Contacts as IDataObject[] | undefined) ?? [];
		if (manual)
			return emitItems(
				this,
				contacts.slice(0, SAMPLE_SIZE).map((c) => ({ ...c, _event: 'updated' })),
			);
		const { state, changes } = pollSnapshot(
			contacts,
			(contact) => String(contact.idc),
			store.state,
			reply.headers['last-modified'],
		);
		store.save(state);
		if (legacy.fingerprints !== undefined || legacy.lastModified !== undefined) {
			delete legacy.fingerprints;
			delete legacy.lastModified;
		}
		return emitItems(
			this,
			changes
				.filter(({ kind }) => event === 'any' || event === kind)
				.map(({ record, kind }) => ({ ...record, _event: kind })),
		);
	}
}
