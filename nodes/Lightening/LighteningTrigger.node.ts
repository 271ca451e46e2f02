import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { readRequestSettings, requestOptionsCollection } from '../shared/descriptions';
import { customerIdsOf, simplifyContact } from './actions/contact/helpers';
import { listContacts } from './transport';

/** Static data: the newest `updated_at` seen, and the ids already emitted at that instant. */
interface TriggerState {
	cursor?: string;
	seen?: string[];
}

const SAMPLE_SIZE = 3;

/** Lightening dates ("YYYY-MM-DD HH:MM:SS") order as text; anything else sorts first. */
const dateOf = (contact: IDataObject, key: 'created_at' | 'updated_at'): string =>
	typeof contact[key] === 'string' ? (contact[key] as string) : '';

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
			{
				displayName: 'Customer IDs',
				name: 'customerIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '1, 2',
				description: 'Watch the contacts of these customers (comma-separated IDs)',
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Contact Created', value: 'created' },
					{ name: 'Contact Created or Updated', value: 'createdOrUpdated' },
					{ name: 'Contact Updated', value: 'updated' },
				],
				default: 'createdOrUpdated',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return a simplified version of the response instead of the raw data',
			},
			requestOptionsCollection(['maxAttempts', 'retryBudget', 'timeout']),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const customers = customerIdsOf(this.getNode(), this.getNodeParameter('customerIds'), 0);
		const event = this.getNodeParameter('event') as 'created' | 'updated' | 'createdOrUpdated';
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const contacts = await listContacts(
			this,
			customers,
			undefined,
			readRequestSettings(this).request,
		);
		const output = (records: Array<{ contact: IDataObject; kind: 'created' | 'updated' }>) =>
			records.length
				? [
						this.helpers.returnJsonArray(
							records.map(({ contact, kind }) => ({
								...(simplify ? simplifyContact(contact) : contact),
								_event: kind,
							})),
						),
					]
				: null;

		if (this.getMode() === 'manual') {
			const latest = [...contacts]
				.sort((a, b) => dateOf(b, 'updated_at').localeCompare(dateOf(a, 'updated_at')))
				.slice(0, SAMPLE_SIZE);
			return output(latest.map((contact) => ({ contact, kind: 'updated' as const })));
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const newest = contacts.reduce(
			(max, c) => (dateOf(c, 'updated_at') > max ? dateOf(c, 'updated_at') : max),
			'',
		);
		if (state.cursor === undefined) {
			// first activation: what exists now is known, not new
			state.cursor = newest;
			state.seen = contacts
				.filter((c) => dateOf(c, 'updated_at') === newest)
				.map((c) => String(c.id));
			return null;
		}
		const cursor = state.cursor;
		const seen = new Set(state.seen ?? []);
		const changed = contacts
			.filter((c) => {
				const at = dateOf(c, 'updated_at');
				return at > cursor || (at === cursor && !seen.has(String(c.id)));
			})
			.sort((a, b) => dateOf(a, 'updated_at').localeCompare(dateOf(b, 'updated_at')));
		if (changed.length) {
			const last = dateOf(changed[changed.length - 1], 'updated_at');
			const atLast = changed
				.filter((c) => dateOf(c, 'updated_at') === last)
				.map((c) => String(c.id));
			state.seen = last === cursor ? [...seen, ...atLast] : atLast;
			state.cursor = last;
		}
		const events = changed
			.map((contact) => ({
				contact,
				kind: dateOf(contact, 'created_at') > cursor ? ('created' as const) : ('updated' as const),
			}))
			.filter(({ kind }) => event === 'createdOrUpdated' || kind === event);
		return output(events);
	}
}
