import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { optionsCollection, readRequestSettings, stringField } from '../shared/descriptions';
import { textParameter } from '../shared/parameters';
import { emitItems, pollSnapshot, triggerStore, type SnapshotState } from '../shared/trigger';
import { fieldError } from '../shared/validation';
import { legacySimplifyProperty } from './actions/contactInformation/helpers';
import { simplifyProvisioningRequest } from './actions/provisioningRequest/helpers';
import { LEGACY_CREDENTIAL, legacy, MAX_RESULTS } from './transport';

const SAMPLE_SIZE = 3;
const DEFAULT_MAX_PAGES_PER_POLL = 20;
const STATE_KEY = 'pending';
const ACTIVATION_MAX_PAGES = 1000;

const isSnapshotState = (value: unknown): value is SnapshotState =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as SnapshotState).fingerprints === 'object' &&
	(value as SnapshotState).fingerprints !== null;

/** The id of a provisioning request (`id`, else `number`), as text. */
const idOf = (request: IDataObject): string => String(request.id ?? request.number ?? '');

export class CrmComLegacyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM.COM Legacy Trigger',
		name: 'crmComLegacyTrigger',
		icon: { light: 'file:crmcomLegacy.svg', dark: 'file:crmcomLegacy.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Pending requests of {{$parameter["provider"]}}',
		description: 'Starts a workflow when a generic provisioning request becomes pending',
		defaults: { name: 'CRM.COM Legacy Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LEGACY_CREDENTIAL, required: true }],
		properties: [
			stringField('Provider Alternative Code', 'provider', {
				required: true,
				placeholder: 'GP1',
				description: 'Watch the pending requests of this generic provisioning provider',
			}),
			legacySimplifyProperty,
			optionsCollection('list'),
		],
	};

	/**
	 * The pending list (oldest first, 50 per call) has no dates: the trigger keeps the ids it has
	 * seen pending and emits the others, once. A request leaves the list when it is processed,
	 * so a complete read also forgets the ids no longer pending.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const provider = textParameter(this, 'provider', 0);
		if (!provider || /[&#=\s]/.test(provider))
			throw fieldError(
				this.getNode(),
				'Provider Alternative Code',
				'must be set, without &, #, = or spaces',
			);
		const settings = readRequestSettings(this);
		const page = async (offset: number, count: number) => {
			const data = await legacy.request<IDataObject[] | null>(this, {
				method: 'GET',
				path: 'provisioning/generic_provisioning_requests/get_pending',
				qs: {
					provisioning_provider_identifier: `alternative_code=${provider}`,
					offset,
					number_of_results: count,
				},
				options: settings.request,
			});
			return Array.isArray(data) ? data : [];
		};
		// Simplify is off by default: triggers saved before the toggle existed keep their output
		const simplify = this.getNodeParameter('simplify', false) as boolean;
		const emit = (records: IDataObject[]) =>
			emitItems(
				this,
				records.map((r) => ({
					...(simplify ? simplifyProvisioningRequest(r) : r),
					_event: 'pending',
				})),
			);
		if (this.getMode() === 'manual') return emit(await page(0, SAMPLE_SIZE));

		// the whole list, by offset; a request read twice (the list moved between two pages) counts
		// once, and one moved out of sight is read at the next poll (it is still pending then)
		const store = triggerStore(this, STATE_KEY, isSnapshotState);
		// activation reads the whole list (what is pending now is known, never emitted)
		const maxPages = store.state
			? (settings.maxPages ?? DEFAULT_MAX_PAGES_PER_POLL)
			: ACTIVATION_MAX_PAGES;
		const byId = new Map<string, IDataObject>();
		let complete = false;
		for (let n = 0; n < maxPages; n++) {
			const records = await page(n * MAX_RESULTS, MAX_RESULTS);
			for (const record of records) if (idOf(record)) byId.set(idOf(record), record);
			if (records.length < MAX_RESULTS) {
				complete = true;
				break;
			}
		}
		const { state, changes } = pollSnapshot([...byId.values()], idOf, store.state, undefined);
		if (!complete && store.state) {
			// a partial read forgets nothing it did not read
			state.fingerprints = { ...store.state.fingerprints, ...state.fingerprints };
		}
		store.save(state);
		return emit(changes.filter((c) => c.kind === 'new').map((c) => c.record));
	}
}
