/**
 * The scale test's workflows: two webhooks that write (CentrixOne upsert, CRM.COM activity
 * create) and the three polling triggers, each writing one record per change it emits, so that
 * the simulator's store counts the emissions.
 */

export const WEBHOOK_CENTRIX = 'scale-centrix-upsert';
export const WEBHOOK_ACTIVITY = 'scale-crmcom-activity';

const CRMCOM = { crmComApi: { id: 'crmcomSimApiKey1', name: 'CRM.COM (simulator)' } };
const CENTRIX = { centrixOneApi: { id: 'centrixoneSim001', name: 'CentrixOne (simulator)' } };
const LIGHTENING = { lighteningApi: { id: 'lighteningSim001', name: 'Lightening (simulator)' } };

type Node = Record<string, unknown>;

function workflow(id: string, name: string, first: Node, second: Node) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ position: [0, 0], ...first },
			{ position: [300, 0], ...second },
		],
		connections: {
			[first.name as string]: { main: [[{ node: second.name, type: 'main', index: 0 }]] },
		},
	};
}

function webhook(path: string): Node {
	return {
		id: `hook-${path}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `4b1c6d0e-0000-4000-8000-${path.length.toString().padStart(12, '0')}`,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

const everyMinute = { item: [{ mode: 'everyMinute' }] };

/** A polling trigger of the pack, polling every minute. */
function pollingTrigger(
	name: string,
	type: string,
	credentials: Node,
	parameters: Record<string, unknown>,
): Node {
	return {
		id: 'trigger',
		name,
		type: `n8n-nodes-crm-pack.${type}`,
		typeVersion: 1,
		credentials,
		parameters: { pollTimes: everyMinute, ...parameters },
	};
}

/** Activity create on the given contact, named by an expression. */
function activityCreate(contactId: string, name: string, typeId: string): Node {
	return {
		id: 'activity',
		name: 'Create Activity',
		type: 'n8n-nodes-crm-pack.crmCom',
		typeVersion: 1,
		credentials: CRMCOM,
		parameters: {
			resource: 'activity',
			operation: 'create',
			contactId: { __rl: true, mode: 'id', value: contactId },
			name,
			typeId,
			scheduledFrom: '2026-12-01T09:00:00Z',
			additionalFields: {},
		},
	};
}

export function scaleWorkflows(contactId: string) {
	return [
		workflow('scaleHookCentrix', 'Scale: webhook → CentrixOne upsert', webhook(WEBHOOK_CENTRIX), {
			id: 'centrix',
			name: 'Upsert Contact',
			type: 'n8n-nodes-crm-pack.centrixOne',
			typeVersion: 1,
			credentials: CENTRIX,
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				externalId: '={{ $json.body.externalId }}',
				contactFields: { Email: '={{ $json.body.email }}', FirstName: 'Scale' },
			},
		}),
		workflow(
			'scaleHookActivit',
			'Scale: webhook → CRM.COM activity create',
			webhook(WEBHOOK_ACTIVITY),
			activityCreate(contactId, '={{ $json.body.name }}', 'type-call'),
		),
		workflow(
			'scaleTrigCrmcom1',
			'Scale: CRM.COM Trigger (site visits) → Lightening create',
			pollingTrigger('CRM.COM Trigger', 'crmComTrigger', CRMCOM, {
				event: 'activityCreated',
				filters: { types: 'type-visit' },
			}),
			{
				id: 'lightening',
				name: 'Create Contact',
				type: 'n8n-nodes-crm-pack.lightening',
				typeVersion: 1,
				credentials: LIGHTENING,
				parameters: {
					resource: 'contact',
					operation: 'create',
					customerId: '2',
					name: '=from-crmcom-{{ $json.id }}',
					additionalFields: {},
				},
			},
		),
		workflow(
			'scaleTrigLighten',
			'Scale: Lightening Trigger → CRM.COM activity create',
			pollingTrigger('Lightening Trigger', 'lighteningTrigger', LIGHTENING, {
				customerIds: '1',
				event: 'created',
			}),
			activityCreate(contactId, '=from-lightening-{{ $json.id }}', 'type-email'),
		),
		workflow(
			'scaleTrigCentrix',
			'Scale: CentrixOne Trigger → CRM.COM activity create',
			pollingTrigger('CentrixOne Trigger', 'centrixOneTrigger', CENTRIX, {
				event: 'new',
				lists: '30',
			}),
			activityCreate(contactId, '=from-centrix-{{ $json.ExternalID }}', 'type-email'),
		),
	];
}
