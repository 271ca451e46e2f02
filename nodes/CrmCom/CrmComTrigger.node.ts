import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { readRequestSettings, requestOptionsCollection } from '../shared/descriptions';
import { authenticationProperty, credentials } from './actions/versionDescription';
import { simplifyActivity } from './actions/activity/helpers';
import { crmComList } from './transport';

type TriggerEvent = 'activityCreated' | 'activityCompleted';

/** What the trigger keeps in the workflow's static data, per event. */
interface TriggerState {
	/** Epoch seconds: the newest date seen; the next poll asks for `[gte]` this. */
	cursor?: number;
	/** Ids already emitted (or present at activation) whose date equals the cursor. */
	seen?: string[];
}

/** On activation, records of the last hour are taken as already known (clock skew margin). */
const ACTIVATION_LOOKBACK_SECONDS = 3600;
const SAMPLE_SIZE = 3;

function dateOf(activity: IDataObject, event: TriggerEvent): number | undefined {
	const dates = (activity.key_dates ?? {}) as IDataObject;
	const value = event === 'activityCreated' ? dates.created_on : dates.completed_on;
	return typeof value === 'number' ? value : undefined;
}

export class CrmComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM.COM Trigger',
		name: 'crmComTrigger',
		icon: { light: 'file:crmcom.svg', dark: 'file:crmcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when CRM.COM activities are created or completed',
		defaults: { name: 'CRM.COM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Activity Completed', value: 'activityCompleted' },
					{ name: 'Activity Created', value: 'activityCreated' },
				],
				default: 'activityCreated',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Assigned Team ID', name: 'assignToTeamId', type: 'string', default: '' },
					{ displayName: 'Assigned User ID', name: 'assignToUserId', type: 'string', default: '' },
					{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
					{
						displayName: 'Type IDs',
						name: 'types',
						type: 'string',
						default: '',
						description: 'Comma-separated activity type identifiers',
					},
				],
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return a simplified version of the response instead of the raw data',
			},
			requestOptionsCollection(['maxAttempts', 'maxPages', 'pageSize', 'retryBudget', 'timeout']),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const settings = readRequestSettings(this);
		const field = event === 'activityCreated' ? 'created_on' : 'completed_on';
		const list = (lower: number | undefined, returnAll: boolean, limit?: number) =>
			crmComList<IDataObject>(
				this,
				{
					path: 'activities',
					qs: {
						[`${field}[gte]`]: lower,
						states: event === 'activityCompleted' ? 'COMPLETED' : undefined,
						types: String(filters.types ?? '').trim() || undefined,
						contact_id: String(filters.contactId ?? '').trim() || undefined,
						assign_to_user_id: String(filters.assignToUserId ?? '').trim() || undefined,
						assign_to_team_id: String(filters.assignToTeamId ?? '').trim() || undefined,
						sort: 'CREATED_DATE',
						order: event === 'activityCreated' ? 'ASC' : 'DESC',
					},
					options: settings.request,
				},
				{
					returnAll,
					limit,
					pageSize: settings.pageSize ?? 100,
					concurrency: 1,
					maxPages: settings.maxPages,
				},
			);
		const emit = (records: IDataObject[]) =>
			records.length
				? [
						this.helpers.returnJsonArray(
							records.map((r) => ({ ...(simplify ? simplifyActivity(r) : r), _event: event })),
						),
					]
				: null;

		if (this.getMode() === 'manual') {
			const sample = await list(undefined, false, SAMPLE_SIZE);
			return emit(sample);
		}

		// n8n saves static data only when a property of the node's own object is assigned (it does
		// not see changes inside a nested object it did not load itself), so each poll reads the
		// event's state and assigns a new one: a cursor kept only in memory would be lost on restart
		const staticData = this.getWorkflowStaticData('node') as Record<string, TriggerState>;
		const state: TriggerState = { ...(staticData[event] ?? {}) };
		const nowSeconds = Math.floor(Date.now() / 1000);

		if (state.cursor === undefined) {
			// first activation: whatever exists now is known, not new
			const known = await list(nowSeconds - ACTIVATION_LOOKBACK_SECONDS, true);
			const dates = known.map((r) => dateOf(r, event)).filter((d): d is number => d !== undefined);
			state.cursor = dates.length ? Math.max(...dates) : nowSeconds - ACTIVATION_LOOKBACK_SECONDS;
			state.seen = known.filter((r) => dateOf(r, event) === state.cursor).map((r) => String(r.id));
			staticData[event] = state;
			return null;
		}

		const cursor = state.cursor;
		const seen = new Set(state.seen ?? []);
		const fetched = await list(cursor, true);
		const fresh = fetched.filter((r) => {
			const date = dateOf(r, event);
			return date !== undefined && date >= cursor && !seen.has(String(r.id));
		});
		fresh.sort((a, b) => (dateOf(a, event) ?? 0) - (dateOf(b, event) ?? 0));
		if (fresh.length) {
			const newest = Math.max(...fresh.map((r) => dateOf(r, event) ?? cursor));
			const atNewest = fresh.filter((r) => dateOf(r, event) === newest).map((r) => String(r.id));
			staticData[event] = {
				cursor: newest,
				seen: newest === cursor ? [...seen, ...atNewest] : atNewest,
			};
		}
		return emit(fresh);
	}
}
