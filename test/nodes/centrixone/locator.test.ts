import type { INodeParameters } from 'n8n-workflow';

import { crmNode, useSimulator } from '../../lib/simulator';
import { loadOptions } from '../../harness/harness';
import { CentrixOne } from '../../../nodes/CentrixOne/CentrixOne.node';
import { CONTACT_PAGE } from '../../../nodes/CentrixOne/methods/listSearch';
import type { CentrixOneApi } from '../../simulator/apis/centrixone';

/** The Contact picker (issue #19): From List with search, By ID; CentrixOne has no record URLs. */
const env = useSimulator<CentrixOneApi>('centrixone');

const search = async (filter?: string, token?: string, parameters: object = {}) =>
	await loadOptions(
		{ ...crmNode(env.sim, 'centrixone'), parameters: parameters as INodeParameters },
		'listSearch',
		'searchContacts',
		filter,
		token,
	);

env.describe('CentrixOne Contact picker: From List', () => {
	it('lists every contact with its name, email and idc when nothing is typed', async () => {
		const { results, paginationToken } = await search();
		expect(results).toHaveLength(8);
		expect(results[2]).toEqual({ name: 'First3 Last3 <c3@centrix.example> (1002)', value: '1002' });
		expect(paginationToken).toBeUndefined();
		const [call] = env.sim.log.all();
		expect(call.path).toMatch(/-all\.awp$/);
		expect(call.query.filters).toBeUndefined();
	});

	it('searches names, emails, company and External ID ("contains", any case), and a typed idc', async () => {
		expect((await search('first5')).results.map((r) => r.value)).toEqual(['1004']);
		expect((await search('GLOBEX')).results.map((r) => r.value)).toEqual([
			'1004',
			'1005',
			'1006',
			'1007',
		]);
		expect((await search('ext-2')).results.map((r) => r.value)).toEqual(['1001']);
		expect((await search('1003')).results.map((r) => r.value)).toEqual(['1003']);
		const call = env.sim.log.all().pop()!;
		expect(call.query.filters).toBe(
			[
				'\tFirstName\t[=]\t1003\t',
				'OR\tName\t[=]\t1003\t',
				'OR\tFullName\t[=]\t1003\t',
				'OR\tEmail\t[=]\t1003\t',
				'OR\tCompany\t[=]\t1003\t',
				'OR\tExternalID\t[=]\t1003\t',
				'OR\tidc\t=\t1003\t',
			].join('\n'),
		);
	});

	it('gives External IDs where Get finds the contact by External ID', async () => {
		const { results } = await search('first5', undefined, {
			resource: 'contact',
			operation: 'get',
			findBy: 'externalId',
		});
		expect(results).toEqual([{ name: 'First5 Last5 <c5@centrix.example> (1004)', value: 'EXT-5' }]);
	});

	it('a TAB or line break typed cannot change the filter', async () => {
		await search('first\t5\nOR');
		expect(env.sim.log.all()[0].query.filters.split('\n')[0]).toBe(
			'\tFirstName\t[=]\tfirst 5 OR\t',
		);
	});

	it('nothing found: an empty list, no next page', async () => {
		expect(await search('nobody-here')).toEqual({ results: [], paginationToken: undefined });
	});

	it(`pages of ${CONTACT_PAGE}: the next page from the token, the last without one`, async () => {
		for (let n = 0; n < 142; n++) env.api.store({ ExternalID: `PAGE-${n}`, Name: `Paged ${n}` });
		const first = await search('paged');
		expect(first.results).toHaveLength(CONTACT_PAGE);
		expect(first.paginationToken).toBe(String(CONTACT_PAGE));
		const second = await search('paged', first.paginationToken);
		expect(second.results).toHaveLength(142 - CONTACT_PAGE);
		expect(second.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(values).size).toBe(142);
	});
});

env.describe('CentrixOne Contact picker in the operations', () => {
	const run = (parameters: object) => env.run('centrixone', { resource: 'contact', ...parameters });

	it.each([
		['From List', { __rl: true, mode: 'list', value: '1002', cachedResultName: 'First3 Last3' }],
		['By ID', { __rl: true, mode: 'id', value: '1002' }],
		['a plain string (a workflow saved before the picker)', '1002'],
	])('Get with %s', async (_mode, value) => {
		const result = await run({ operation: 'get', findBy: 'idc', value, simplify: false });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ idc: 1002, ExternalID: 'EXT-3' });
		expect(env.sim.log.all()[0].path).toMatch(/-C1002\.awp$/);
	});

	it.each([
		['From List', { __rl: true, mode: 'list', value: 'EXT-5' }],
		['By ID', { __rl: true, mode: 'id', value: 'ada.lovelace@example.com' }],
	])('Get by External ID with %s', async (_mode, value) => {
		env.api.store({ ExternalID: 'ada.lovelace@example.com', FirstName: 'Ada' });
		const result = await run({ operation: 'get', findBy: 'externalId', value, simplify: false });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.ExternalID).toBe(value.value);
	});

	it.each([
		['From List', { __rl: true, mode: 'list', value: '1003' }],
		['By ID', { __rl: true, mode: 'id', value: '1003' }],
	])('Update with %s', async (_mode, idc) => {
		const result = await run({ operation: 'update', idc, updateFields: { Notes: 'picked' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.idc).toBe(1003);
		expect(env.api.contacts.get(1003)?.fields.Notes).toBe('picked');
	});

	it.each([
		[
			'get',
			{ findBy: 'idc', value: { __rl: true, mode: 'id', value: 'a b' } },
			'Invalid value: "Contact" must be a CentrixOne ID (idc): digits only',
		],
		[
			'update',
			{ idc: { __rl: true, mode: 'id', value: 'EXT-3' }, updateFields: { Notes: 'x' } },
			'Invalid value: "Contact" must be a CentrixOne ID (idc): digits only',
		],
	])(
		'%s By ID: the node refuses what the picker does not accept, saying what is allowed; nothing is sent',
		async (operation, params, message) => {
			const result = await run({ operation, ...params });
			expect(result.error?.message).toContain(message);
			expect(env.sim.log.count()).toBe(0);
		},
	);

	it.each([
		['get', { findBy: 'idc', value: { __rl: true, mode: 'id', value: '12a' } }],
		['get', { findBy: 'idc', value: '={{ "12a" }}' }],
		[
			'update',
			{ idc: { __rl: true, mode: 'list', value: '={{ "EXT-3" }}' }, updateFields: { Notes: 'x' } },
		],
	])(
		'%s: an expression that is not digits is refused by the node, naming the field; nothing is sent',
		async (operation, params) => {
			const result = await run({ operation, ...params });
			expect(result.error?.message).toBe(
				'Invalid value: "Contact" must be a CentrixOne ID (idc): digits only',
			);
			expect(env.sim.log.count()).toBe(0);
		},
	);

	it('By ID says what is allowed; there is no By URL mode (CentrixOne has no record URLs)', () => {
		const { properties } = new CentrixOne().description;
		const locators = [
			[
				properties.find((p) => p.name === 'value' && p.type === 'resourceLocator'),
				'an idc (digits) or an External ID without , / \\ ? # % or spaces',
			],
			[
				properties.find((p) => p.name === 'idc' && p.type === 'resourceLocator'),
				'the CentrixOne ID (idc) is digits only',
			],
		] as const;
		for (const [locator, hint] of locators) {
			expect(locator?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
			const byId = locator?.modes?.find((m) => m.name === 'id');
			// the rule is shown as a hint and checked by the node, not by an n8n validation regex
			// (n8n runs those under a 250 ms watchdog at every execution start: shared/locator.ts)
			expect(byId?.hint).toBe(hint);
			expect(byId?.validation).toBeUndefined();
			expect(locator?.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod).toBe(
				'searchContacts',
			);
		}
	});

	it.each(['a,b', 'a/b', 'a\\b', 'a?b', 'a#b', '50%', 'a b'])(
		'Get By External ID %j: the node refuses it (transport.baseFilterPart, the rule the hint states); nothing is sent',
		async (bad) => {
			const value = { __rl: true, mode: 'id', value: bad };
			const result = await run({ operation: 'get', findBy: 'externalId', value });
			expect(result.error?.message).toMatch(/^Invalid value: "Contact \(External ID\)"/);
			expect(env.sim.log.count()).toBe(0);
		},
	);

	it.each(['ada.lovelace@example.com', 'first+tag@x.example', 'EXT-5'])(
		'Get By External ID %j: accepted and looked up',
		async (ok) => {
			const value = { __rl: true, mode: 'id', value: ok };
			const result = await run({ operation: 'get', findBy: 'externalId', value });
			expect(result.error?.message ?? '').not.toMatch(/Invalid value/);
			expect(env.sim.log.count()).toBe(1);
		},
	);
});
