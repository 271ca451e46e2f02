import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import type { CentionApi } from '../simulator/apis/cention';
import type { LighteningApi } from '../simulator/apis/lightening';
import type { CrmComLegacyApi } from '../simulator/apis/crmcomLegacy';
import { CENTRIX_DEMO, type CentrixOneApi } from '../simulator/apis/centrixone';
import type { Simulator } from '../simulator/server';
import { WRONG_CRMCOM_KEY } from './credentials';
import { findRunData, nodeItems } from './lib/n8n';

export interface CheckContext {
	/** n8n's `--rawOutput` JSON. */
	output: unknown;
	/** Everything n8n printed. */
	printed: string;
	exitCode: number;
	sim: Simulator;
}

export interface WorkflowCheck {
	/** Workflow id (as in the JSON file). */
	id: string;
	/** Prepare the simulator (faults, data) before the run. */
	before?: (sim: Simulator) => void;
	/** Whether the execution is expected to fail. */
	fails?: boolean;
	/** A polling-trigger workflow: activated in a running n8n instead of `n8n execute`. */
	trigger?: true;
	/** Assertions on n8n's output and the simulator's state. */
	check: (ctx: CheckContext) => void;
}

/** `resultData.error` of an execution's JSON. */
function errorOf(output: unknown): { message?: string } | undefined {
	const data = (output ?? {}) as {
		data?: { resultData?: { error?: { message?: string } } };
		resultData?: { error?: { message?: string } };
	};
	return data.data?.resultData?.error ?? data.resultData?.error;
}

const crmcom = (sim: Simulator) => sim.api<CrmComBackofficeApi>('crmcom');

/**
 * What each workflow must do, by file name. A workflow in examples/ without an entry here is
 * still executed and must succeed with output.
 */
export const CHECKS: Record<string, WorkflowCheck> = {
	'crmcom-activities.json': {
		id: 'crmcomActivity01',
		check: ({ output, sim }) => {
			const items = nodeItems(output, 'CRM.COM');
			expect(items).toHaveLength(10);
			expect(items.every((i) => i.state === 'PENDING')).toBe(true);
			expect(sim.log.find('/activities', 'GET')[0].query).toMatchObject({
				states: 'PENDING',
				size: '10',
			});
		},
	},
	'crmcom-upsert-contact.json': {
		id: 'crmcomUpsert0001',
		check: ({ output, sim }) => {
			const [item] = nodeItems(output, 'CRM.COM');
			expect(item._upsert).toBe('created');
			const stored = [...crmcom(sim).contacts.values()].filter(
				(c) => c.email === 'jane.doe@example.com',
			);
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
		},
	},
	'crmcom-create-activities.json': {
		id: 'crmcomCreateAct1',
		check: ({ output, sim }) => {
			const created = nodeItems(output, 'Create Activity');
			expect(created).toHaveLength(2);
			const names = created.map((c) => crmcom(sim).activities.get(String(c.id))?.name);
			expect(names.every((n) => String(n).startsWith('Follow up with '))).toBe(true);
		},
	},
	'crmcom-trigger-activities.json': {
		id: 'crmcomTrigger001',
		trigger: true,
		check: () => undefined,
	},
	'cention-contact-card.json': {
		id: 'centionCard00001',
		check: ({ output, sim }) => {
			const [item] = nodeItems(output, 'Cention');
			expect(item.c3_id).toBeDefined();
			const card = sim
				.api<CentionApi>('cention')
				.findByChannels({ email: ['jane.doe@example.com'] });
			expect(card?.contacts.voice).toEqual(['+46701234567']);
		},
	},
	'chain-crmcom-to-cention.json': {
		id: 'chainCrmToCent01',
		check: ({ output, sim }) => {
			const cards = nodeItems(output, 'Cention');
			expect(cards).toHaveLength(3);
			const contacts = nodeItems(output, 'Get CRM.COM Contacts');
			for (const contact of contacts) {
				const card = sim
					.api<CentionApi>('cention')
					.findByChannels({ email: [String(contact.email)] });
				expect(card?.contacts.custom).toEqual([{ label: 'CRM.COM ID', value: contact.id }]);
			}
		},
	},
	'lightening-trigger-welcome.json': {
		id: 'lighteningTrig01',
		trigger: true,
		check: () => undefined,
	},
	'lightening-contacts.json': {
		id: 'lighteningList01',
		check: ({ output, sim }) => {
			expect(nodeItems(output, 'Lightening')).toHaveLength(6);
			expect(sim.log.all()[0].url).toContain('customer_id[]=1&customer_id[]=2');
		},
	},
	'lightening-upsert-contact.json': {
		id: 'lighteningUpsert',
		check: ({ output, sim }) => {
			const [item] = nodeItems(output, 'Lightening');
			expect(item._upsert).toBe('created');
			const stored = [...sim.api<LighteningApi>('lightening').contacts.values()].filter(
				(c) => c.email === 'pat@acme.example',
			);
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({ name: 'Pat Doe', role: 'Buyer', customer_id: 1 });
		},
	},
	'crmcom-legacy-pending-provisioning.json': {
		id: 'legacyPending001',
		check: ({ output, sim }) => {
			expect(nodeItems(output, 'CRM.COM Legacy')).toHaveLength(12);
			const pages = sim.log.find('/get_pending', 'GET');
			expect(pages.every((p) => Number(p.query.number_of_results) <= 50)).toBe(true);
		},
	},
	'crmcom-legacy-create-contact.json': {
		id: 'legacyCreate0001',
		check: ({ output, sim }) => {
			const [item] = nodeItems(output, 'CRM.COM Legacy');
			expect(item).toMatchObject({ first_name: 'Ana', last_name: 'Legacy' });
			const stored = [...sim.api<CrmComLegacyApi>('crmcomLegacy').contacts.values()].find(
				(c) => c.last_name === 'Legacy',
			);
			expect(stored?.email_set).toEqual([
				{ type: 'PERSONAL', email_address: 'ana@legacy.example' },
			]);
		},
	},
	'centrixone-contacts.json': {
		id: 'centrixContacts1',
		check: ({ output, printed }) => {
			expect(nodeItems(output, 'CentrixOne').map((i) => i.ExternalID)).toEqual(['EXT-1', 'EXT-3']);
			expect(printed).not.toContain(CENTRIX_DEMO.apiKey);
		},
	},
	'centrixone-upsert-from-crmcom.json': {
		id: 'centrixUpsert001',
		check: ({ output, sim }) => {
			const written = nodeItems(output, 'Upsert into CentrixOne');
			expect(written).toHaveLength(5);
			const posts = sim.log.find('/Contacts-', 'POST');
			expect(posts).toHaveLength(1);
			const stored = [...sim.api<CentrixOneApi>('centrixone').contacts.values()].filter((c) =>
				c.ExternalID.startsWith('crmcom-'),
			);
			expect(stored).toHaveLength(5);
			expect(stored.every((c) => c.scripts.has(20))).toBe(true);
		},
	},
	'centrixone-trigger-new-contacts.json': {
		id: 'centrixTrigger01',
		trigger: true,
		check: () => undefined,
	},
	'crmcom-retry-503.json': {
		id: 'crmcomRetry50301',
		before: (sim) =>
			sim.inject({ kind: 'status503', count: 2, retryAfter: 1, path: '/activities' }),
		check: ({ output, sim }) => {
			expect(nodeItems(output, 'CRM.COM')).toHaveLength(30);
			const statuses = sim.log.find('/activities', 'GET').map((e) => e.status);
			expect(statuses.slice(0, 3)).toEqual([503, 503, 200]);
		},
	},
	'crmcom-bad-credential.json': {
		id: 'crmcomBadCred001',
		fails: true,
		check: ({ output, printed }) => {
			const runData = findRunData(output);
			const error = runData?.['CRM.COM']?.[0]?.error ?? errorOf(output);
			expect(error?.message).toBe('CRM.COM: Invalid API key');
			expect(printed).toContain('Invalid API key');
			expect(printed).not.toContain(WRONG_CRMCOM_KEY);
			expect(printed).not.toContain(CRMCOM_DEMO.apiKey);
		},
	},
};
