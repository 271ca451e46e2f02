import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import {
	choiceField,
	optionsCollection,
	readRequestSettings,
	simplifyProperty,
	stringField,
} from '../shared/descriptions';
import {
	emitItems,
	fingerprint,
	isCursorState,
	pollCursor,
	triggerStore,
	versionKey,
	type CursorAdapter,
} from '../shared/trigger';
import { customerIdsOf, simplifyContact } from './actions/contact/helpers';
import { listContacts } from './transport';

type TriggerEvent = 'created' | 'updated' | 'createdOrUpdated';

const SAMPLE_SIZE = 3;
/** Each poll looks again at this much before its cursor: late-visible changes, clock skew. */
const LOOKBACK_SECONDS = 300;
const STATE_KEY = 'contacts';

/** A Lightening date ("YYYY-MM-DD HH:MM:SS", the server's clock) in epoch seconds. */
export function lighteningSeconds(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, se] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, se) / 1000;
}

/**
 * The engine's adapter for Lightening contacts: the API returns every contact of the customers
 * in one reply, so the walk is one request filtered here by `updated_at`. A change is the pair
 * (id, fingerprint of the whole contact): a contact created in the cursor's own second, or
 * updated twice within one second, is a new change each time, emitted once.
 */
export function contactAdapter(list: () => Promise<IDataObject[]>): CursorAdapter<IDataObject> {
	const updated = (contact: IDataObject) => lighteningSeconds(contact.updated_at);
	return {
		async fetch({ since, after }) {
			const lower = Math.max(since, after ?? since);
			const records = (await list())
				.filter((c) => (updated(c) ?? -Infinity) >= lower)
				.sort((a, b) => (updated(a) ?? 0) - (updated(b) ?? 0));
			return { records, more: false };
		},
		idOf: (contact) => String(contact.id),
		orderOf: updated,
		timeOf: updated,
		changeKeyOf: (contact) => versionKey(String(contact.id), fingerprint(contact)),
		orderIsTime: true,
		lookback: LOOKBACK_SECONDS,
		// the first read takes every contact as known: one request, whatever its size
		activationSince: () => -Infinity,
		now: () => Math.floor(Date.now() / 1000),
		async sample(size) {
			return [...(await list())]
				.sort((a, b) => (updated(b) ?? 0) - (updated(a) ?? 0))
				.slice(0, size);
		},
		pageSize: Number.MAX_SAFE_INTEGER,
		maxPages: 1,
	};
}

export class LighteningTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lightening Trigger',
		name: 'lighteningTrigger',
		icon: { light: 'file:lightening.svg', dark: 'file:lightening.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Lightening contacts are created or updated',
		defaults: { name: 'Lightening Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lighteningApi', required: true }],
		properties: [
			stringField('Customer IDs', 'customerIds', {
				required: true,
				placeholder: '1, 2',
				description: 'Watch the contacts of these customers (comma-separated IDs)',
			}),
			choiceField(
				'Trigger On',
				'event',
				[
					['Contact Created', 'created'],
					['Contact Created or Updated', 'createdOrUpdated'],
					['Contact Updated', 'updated'],
				],
				'createdOrUpdated',
			),
			simplifyProperty,
			optionsCollection('read'),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const customers = customerIdsOf(this.getNode(), this.getNodeParameter('customerIds'), 0);
		const event = this.getNodeParameter('event') as TriggerEvent;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const options = readRequestSettings(this).request;
		const adapter = contactAdapter(
			async () => await listContacts(this, customers, undefined, options),
		);
		const output = (records: Array<{ contact: IDataObject; kind: 'created' | 'updated' }>) =>
			emitItems(
				this,
				records.map(({ contact, kind }) => ({
					...(simplify ? simplifyContact(contact) : contact),
					_event: kind,
				})),
			);
		if (this.getMode() === 'manual') {
			const latest = await adapter.sample(SAMPLE_SIZE);
			return output(latest.map((contact) => ({ contact, kind: 'updated' as const })));
		}
		const store = triggerStore(this, STATE_KEY, isCursorState);
		const { state, changes } = await pollCursor(adapter, store.state);
		store.save(state);
		// created: a contact first seen by this trigger, created inside the window it was found in
		const events = changes
			.map(({ record, idKnown, since }) => ({
				contact: record,
				kind:
					!idKnown && (lighteningSeconds(record.created_at) ?? -Infinity) >= since
						? ('created' as const)
						: ('updated' as const),
			}))
			.filter(({ kind }) => event === 'createdOrUpdated' || kind === event);
		return output(events);
	}
}
