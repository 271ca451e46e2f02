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
	collectionField,
	optionsCollection,
	readRequestSettings,
	simplifyProperty,
} from '../shared/descriptions';
import {
	emitItems,
	isCursorState,
	pollCursor,
	triggerStore,
	type CursorAdapter,
} from '../shared/trigger';
import type { RequestOptions } from '../shared/transport/types';
import { authenticationProperty, credentials } from './actions/versionDescription';
import {
	activityTypesFilter,
	assignedTeamFilter,
	assignedUserFilter,
	simplifyActivity,
} from './actions/activity/helpers';
import { listOf } from '../shared/parameters';
import { getActivityTypes, getTeams, getUsers } from './methods/loadOptions';
import { crmCom, MAX_PAGE_SIZE } from './transport';

type TriggerEvent = 'activityCreated' | 'activityCompleted';

/** On activation, activities of the last hour are taken as already known (no flood). */
const ACTIVATION_SECONDS = 3600;
/** Each poll re-reads this much before its cursor: late-visible records and clock skew. */
const LOOKBACK_SECONDS = 300;
const DEFAULT_MAX_PAGES_PER_POLL = 10;
const SAMPLE_SIZE = 3;

const epoch = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const keyDates = (activity: IDataObject) => (activity.key_dates ?? {}) as IDataObject;

interface ActivityPage {
	content?: IDataObject[];
	paging?: { total?: number | null; has_more?: boolean | null };
}

/**
 * The engine's adapter for CRM.COM activities. Both events walk the list in ascending
 * CREATED_DATE order with `created_on[gte]` as the keyset. Activity Created filters by its own
 * date; Activity Completed filters on the server by `completed_on[gte]` (the list reply need not
 * carry the completion date: the docs show `key_dates` with created_on and scheduled_on only) and
 * de-duplicates by id, its cursor being the trigger's clock at the start of each walk.
 */
export function activityAdapter(
	ctx: IPollFunctions,
	event: TriggerEvent,
	qs: Record<string, string | undefined>,
	settings: { request: Partial<RequestOptions>; pageSize?: number; maxPages?: number },
): CursorAdapter<IDataObject> {
	const created = event === 'activityCreated';
	const get = async (query: Record<string, string | number | undefined>) =>
		await crmCom.request<ActivityPage>(ctx, {
			method: 'GET',
			path: 'activities',
			qs: {
				...qs,
				states: created ? undefined : 'COMPLETED',
				sort: 'CREATED_DATE',
				...query,
			},
			options: settings.request,
		});
	return {
		async fetch({ since, after, page, size }) {
			const lower = created ? Math.max(since, after ?? since) : after;
			const body = await get({
				'created_on[gte]': lower,
				'completed_on[gte]': created ? undefined : since,
				order: 'ASC',
				page,
				size,
			});
			const records = Array.isArray(body.content) ? body.content : [];
			const total = body.paging?.total;
			const more =
				body.paging?.has_more !== false &&
				(typeof total !== 'number' || page * size < total) &&
				records.length >= size;
			return { records, more };
		},
		idOf: (activity) => String(activity.id),
		orderOf: (activity) => epoch(keyDates(activity).created_on),
		timeOf: (activity) =>
			epoch(created ? keyDates(activity).created_on : keyDates(activity).completed_on),
		orderIsTime: created,
		lookback: LOOKBACK_SECONDS,
		activationSince: (now) => now - ACTIVATION_SECONDS,
		now: () => Math.floor(Date.now() / 1000),
		async sample(size) {
			const body = await get({ order: 'DESC', page: 1, size });
			return (Array.isArray(body.content) ? body.content : []).slice(0, size);
		},
		pageSize: Math.min(Math.max(1, settings.pageSize ?? 100), MAX_PAGE_SIZE),
		maxPages: settings.maxPages ?? DEFAULT_MAX_PAGES_PER_POLL,
	};
}

/**
 * A state saved before the engine (`{cursor, seen: ids at the cursor}`) becomes the engine's:
 * the same cursor, the same ids known at it, so an upgrade neither floods nor loses a change.
 */
export function migrateState(staticData: IDataObject, event: TriggerEvent): void {
	const old = staticData[event] as { cursor?: unknown; seen?: unknown } | undefined;
	if (!old || typeof old.cursor !== 'number' || !Array.isArray(old.seen)) return;
	const cursor = old.cursor;
	staticData[event] = {
		cursor,
		seen: Object.fromEntries(old.seen.map((id) => [String(id), cursor])),
	};
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
			choiceField(
				'Trigger On',
				'event',
				[
					['Activity Completed', 'activityCompleted'],
					['Activity Created', 'activityCreated'],
				],
				'activityCreated',
			),
			collectionField('Filters', 'filters', 'Add Filter', [
				assignedTeamFilter,
				assignedUserFilter,
				{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
				activityTypesFilter,
			]),
			simplifyProperty,
			optionsCollection('rangeList'),
		],
	};

	methods = { loadOptions: { getActivityTypes, getTeams, getUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const text = (value: unknown) => String(value ?? '').trim() || undefined;
		const adapter = activityAdapter(
			this,
			event,
			{
				types: listOf(filters.types).join(',') || undefined,
				contact_id: text(filters.contactId),
				assign_to_user_id: text(filters.assignToUserId),
				assign_to_team_id: text(filters.assignToTeamId),
			},
			readRequestSettings(this),
		);
		const emit = (records: IDataObject[]) =>
			emitItems(
				this,
				records.map((r) => ({ ...(simplify ? simplifyActivity(r) : r), _event: event })),
			);
		if (this.getMode() === 'manual') return emit(await adapter.sample(SAMPLE_SIZE));
		// one state per event, assigned whole at the top level of the static data on every poll
		migrateState(this.getWorkflowStaticData('node') as IDataObject, event);
		const store = triggerStore(this, event, isCursorState);
		const { state, changes } = await pollCursor(adapter, store.state);
		store.save(state);
		return emit(changes.map((c) => c.record));
	}
}
