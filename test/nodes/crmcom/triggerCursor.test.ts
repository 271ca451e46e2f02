import type { INodeParameters } from 'n8n-workflow';

import { CrmComApi } from '../../../credentials/CrmComApi.credentials';
import { CrmComUserApi } from '../../../credentials/CrmComUserApi.credentials';
import { CrmComTrigger } from '../../../nodes/CrmCom/CrmComTrigger.node';
import { createPoller } from '../../harness/harness';
import { handlerServer, type HandledRequest } from '../../property/handlerServer';

/**
 * The CRM.COM Trigger against a small CRM.COM activities list written from the docs: filters
 * `created_on[...]`, `completed_on[...]`, `states`, sort CREATED_DATE, `order`, `page`/`size`.
 * `keyDates: 'docs'` answers `key_dates` with created_on and scheduled_on only, as the docs show
 * the list reply; `'rich'` adds completed_on. A hook runs before each list request, so a test
 * can change the data between two page requests of one poll.
 */
interface Activity {
	id: string;
	created_on: number;
	completed_on?: number;
	state: 'PENDING' | 'COMPLETED';
}

function crmcom(keyDates: 'docs' | 'rich') {
	const activities = new Map<string, Activity>();
	const hooks: Array<(request: HandledRequest) => void> = [];
	let lists = 0;
	const handle = (request: HandledRequest) => {
		if (request.method !== 'GET' || !request.path.endsWith('/activities'))
			return { status: 404, body: { status: 404, message: 'Not found' } };
		lists++;
		for (const hook of hooks.splice(0)) hook(request);
		const q = request.query;
		let list = [...activities.values()];
		const states = q.states?.split(',');
		if (states) list = list.filter((a) => states.includes(a.state));
		for (const field of ['created_on', 'completed_on'] as const)
			for (const [op, test] of Object.entries({
				gt: (a: number, b: number) => a > b,
				gte: (a: number, b: number) => a >= b,
				lt: (a: number, b: number) => a < b,
				lte: (a: number, b: number) => a <= b,
			})) {
				const raw = q[`${field}[${op}]`];
				if (raw === undefined) continue;
				list = list.filter((a) => a[field] !== undefined && test(a[field]!, Number(raw)));
			}
		const direction = (q.order ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
		list.sort((a, b) => direction * (a.created_on - b.created_on) || a.id.localeCompare(b.id));
		const page = Number(q.page ?? 1);
		const size = Number(q.size ?? 10);
		const content = list.slice((page - 1) * size, page * size).map((a) => ({
			id: a.id,
			name: `Activity ${a.id}`,
			state: a.state,
			key_dates: {
				created_on: a.created_on,
				scheduled_on: { from_date: a.created_on, to_date: a.created_on + 3600 },
				...(keyDates === 'rich' ? { completed_on: a.completed_on ?? null } : {}),
			},
		}));
		return { status: 200, body: { content, paging: { page, size, total: list.length } } };
	};
	return {
		activities,
		hooks,
		handle,
		lists: () => lists,
		add(id: string, created_on: number, completed_on?: number) {
			const a: Activity = {
				id,
				created_on,
				completed_on,
				state: completed_on === undefined ? 'PENDING' : 'COMPLETED',
			};
			activities.set(id, a);
			return a;
		},
		complete(id: string, at: number) {
			const a = activities.get(id)!;
			a.state = 'COMPLETED';
			a.completed_on = at;
		},
	};
}

const now = () => Math.floor(Date.now() / 1000);

async function setup(keyDates: 'docs' | 'rich', parameters: Record<string, unknown>) {
	const crm = crmcom(keyDates);
	const server = await handlerServer(crm.handle);
	const poller = createPoller({
		node: new CrmComTrigger(),
		credentialTypes: [new CrmComApi(), new CrmComUserApi()],
		credentials: { crmComApi: { baseUrl: server.url, apiKey: 'testkey' } },
		parameters: { simplify: false, ...parameters } as INodeParameters,
	});
	const ids = async () => ((await poller.poll()) ?? [[]])[0].map((i) => String(i.json.id));
	return { crm, server, poller, ids };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

describe('CRM.COM Trigger cursor', () => {
	it('a deletion between two page requests skips no record', async () => {
		const t = await setup('rich', { event: 'activityCreated', options: { pageSize: 2 } });
		close = t.server.close;
		expect(await t.ids()).toEqual([]);
		const base = now() - 100;
		for (let k = 1; k <= 5; k++) t.crm.add(`a${k}`, base + k);
		// after the first page (a1, a2) is read, a1 is deleted: an offset page 2 would start at a4
		t.crm.hooks.push(() => {
			t.crm.hooks.push(() => t.crm.activities.delete('a1'));
		});
		expect(await t.ids()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
		expect(await t.ids()).toEqual([]);
	});

	it('a completion between two page requests emits no id twice, and is emitted once', async () => {
		const t = await setup('rich', { event: 'activityCompleted', options: { pageSize: 2 } });
		close = t.server.close;
		const base = now() - 100;
		for (let k = 1; k <= 6; k++) t.crm.add(`a${k}`, base + k);
		expect(await t.ids()).toEqual([]);
		for (let k = 1; k <= 5; k++) t.crm.complete(`a${k}`, now());
		// between the pages, the newest activity completes too
		t.crm.hooks.push(() => t.crm.hooks.push(() => t.crm.complete('a6', now())));
		const first = await t.ids();
		expect(new Set(first).size).toBe(first.length);
		const second = await t.ids();
		expect([...first, ...second].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
		expect(await t.ids()).toEqual([]);
	});

	it('a backlog larger than Max Pages x Page Size is worked through over polls', async () => {
		const t = await setup('rich', {
			event: 'activityCreated',
			options: { pageSize: 2, maxPages: 3 },
		});
		close = t.server.close;
		expect(await t.ids()).toEqual([]);
		const base = now() - 200;
		const all = Array.from(
			{ length: 25 },
			(_, k) => t.crm.add(`b${String(k).padStart(2, '0')}`, base + k).id,
		);
		const emitted: string[] = [];
		for (let poll = 0; poll < 10 && emitted.length < all.length; poll++) {
			const before = t.crm.lists();
			const out = await t.ids();
			expect(t.crm.lists() - before).toBeLessThanOrEqual(3);
			expect(out.length).toBeGreaterThan(0);
			emitted.push(...out);
		}
		expect(emitted).toEqual(all);
		expect(await t.ids()).toEqual([]);
	});

	it('more than a page of activities in one second: each emitted once', async () => {
		const t = await setup('rich', { event: 'activityCreated', options: { pageSize: 2 } });
		close = t.server.close;
		expect(await t.ids()).toEqual([]);
		const second = now() - 50;
		const same = ['s1', 's2', 's3', 's4', 's5'].map((id) => t.crm.add(id, second).id);
		expect((await t.ids()).sort()).toEqual(same);
		t.crm.add('s6', second);
		expect(await t.ids()).toEqual(['s6']);
		expect(await t.ids()).toEqual([]);
	});

	it('activation: activities older than the activation window are never emitted', async () => {
		const t = await setup('rich', { event: 'activityCreated' });
		close = t.server.close;
		t.crm.add('older', now() - 3700);
		t.crm.add('recent', now() - 60);
		expect(await t.ids()).toEqual([]);
		expect(await t.ids()).toEqual([]);
		t.crm.add('new', now());
		expect(await t.ids()).toEqual(['new']);
	});

	it.each(['docs', 'rich'] as const)(
		'Activity Completed works when the list reply has %s key_dates',
		async (keyDates) => {
			const t = await setup(keyDates, { event: 'activityCompleted' });
			close = t.server.close;
			const base = now() - 500;
			t.crm.add('old-done', base, base + 1);
			t.crm.add('p1', base + 2);
			t.crm.add('p2', base + 3);
			expect(await t.ids()).toEqual([]);
			t.crm.complete('p2', now());
			expect(await t.ids()).toEqual(['p2']);
			expect(await t.ids()).toEqual([]);
			t.crm.complete('p1', now());
			expect(await t.ids()).toEqual(['p1']);
			expect(await t.ids()).toEqual([]);
			const query = t.server.received[t.server.received.length - 1].query;
			expect(query.states).toBe('COMPLETED');
			expect(query['completed_on[gte]']).toBeDefined();
		},
	);
});

describe('CRM.COM Trigger: state saved by the version before the engine', () => {
	it('keeps its cursor and the ids known at it: no flood, no loss, no repeat', async () => {
		const t = await setup('rich', { event: 'activityCreated' });
		close = t.server.close;
		const at = now() - 30;
		t.crm.add('emitted-before', at);
		t.crm.add('new-same-second', at);
		t.crm.add('new-later', at + 5);
		// the static data as the previous version saved it
		Object.assign(t.poller.staticData, {
			'node:Node Under Test': { activityCreated: { cursor: at, seen: ['emitted-before'] } },
		});
		expect((await t.ids()).sort()).toEqual(['new-later', 'new-same-second']);
		expect(await t.ids()).toEqual([]);
	});
});
