import { locatorId, recordLocator } from '../../nodes/shared/locator';

/**
 * The record picker's description and its id rules, for every option of its spec (the nodes
 * use only some of them; descriptionSnapshot.test.ts pins those). Test-only node names, so
 * nothing here touches a real node's rules.
 */

const byId = (value: unknown) => ({ __rl: true, mode: 'id', value });
const byUrl = (value: unknown) => ({ __rl: true, mode: 'url', value });

describe('recordLocator: the description n8n shows', () => {
	it('with a list method: From List first and the default, searchable unless told', () => {
		const property = recordLocator({
			node: 'testListNode',
			name: 'thingId',
			displayName: 'Thing',
			searchListMethod: 'searchThings',
			idPattern: '[0-9]+',
			idPlaceholder: '42',
		});
		expect(property).toEqual({
			displayName: 'Thing',
			name: 'thingId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchThings', searchable: true },
				},
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '42' },
			],
		});
		const unsearchable = recordLocator({
			node: 'testListNode',
			name: 'otherId',
			displayName: 'Other',
			searchListMethod: 'listOthers',
			searchable: false,
			idPattern: '[0-9]+',
			idPlaceholder: '7',
		});
		expect(unsearchable.modes?.[0].typeOptions).toEqual({
			searchListMethod: 'listOthers',
			searchable: false,
		});
	});

	it('without a list method: By ID is the default; URL mode, description, displayOptions, optional', () => {
		const property = recordLocator({
			node: 'testUrlNode',
			name: 'orderId',
			displayName: 'Order',
			idPattern: '[a-z]+',
			idPlaceholder: 'abc',
			urlPath: 'orders',
			description: 'The order to read',
			required: false,
			displayOptions: { show: { resource: ['order'] } },
		});
		expect(property).toEqual({
			displayName: 'Order',
			name: 'orderId',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			required: false,
			description: 'The order to read',
			displayOptions: { show: { resource: ['order'] } },
			modes: [
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'abc' },
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: 'https://…/orders/abc',
				},
			],
		});
		const withPlaceholder = recordLocator({
			node: 'testUrlNode',
			name: 'invoiceId',
			displayName: 'Invoice',
			idPattern: '[a-z]+',
			idPlaceholder: 'abc',
			urlPath: 'invoices',
			urlPlaceholder: 'https://crm.example/invoices/abc',
		});
		expect(withPlaceholder.modes?.[1].placeholder).toBe('https://crm.example/invoices/abc');
		expect(withPlaceholder).not.toHaveProperty('description');
		expect(withPlaceholder).not.toHaveProperty('displayOptions');
	});
});

describe('locatorId: the rules of the running node', () => {
	// Each test registers its own node's locators inside the test (a node name of its own), so the
	// mutation run sees the registration covered by the test that checks its rules: two locators
	// of one name in one node (one per resource, both with URLs), and a node without URLs.
	let nodes = 0;
	function twoLocatorNode(): string {
		const node = `testTwoNode${++nodes}`;
		recordLocator({
			node,
			name: 'recordId',
			displayName: 'Record',
			idPattern: '[0-9]+',
			idPlaceholder: '1',
			urlPath: 'tickets',
		});
		recordLocator({
			node,
			name: 'recordId',
			displayName: 'Record',
			idPattern: 'T-[0-9]+',
			idPlaceholder: 'T-1',
			urlPath: 'tasks',
		});
		return `n8n-nodes-crm-pack.${node}`;
	}
	function noUrlNode(): string {
		const node = `testNoUrlNode${++nodes}`;
		recordLocator({
			node,
			name: 'recordId',
			displayName: 'Case',
			idPattern: '[0-9]+',
			idPlaceholder: '1',
		});
		return `n8n-nodes-crm-pack.${node}`;
	}

	it('takes a plain (pre-locator) value, or one without a mode, as it is', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'recordId', 'free text')).toEqual({ id: 'free text' });
		expect(locatorId(TWO, 'recordId', 12)).toEqual({ id: 12 });
		expect(locatorId(TWO, 'recordId', null)).toEqual({ id: null });
		expect(locatorId(TWO, 'recordId', { value: 'x/y' })).toEqual({ id: { value: 'x/y' } });
	});

	it('leaves an empty value to the field check, whatever the mode', () => {
		const TWO = twoLocatorNode();
		for (const value of ['', '  ', null, undefined])
			expect(locatorId(TWO, 'recordId', byId(value))).toEqual({ id: value });
		expect(locatorId(TWO, 'recordId', byUrl(''))).toEqual({ id: '' });
	});

	it('a parameter no locator of this node declares is taken as it is', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'otherId', byId('a/b'))).toEqual({ id: 'a/b' });
		expect(locatorId('n8n-nodes-crm-pack.unknownNode', 'recordId', byId('a/b'))).toEqual({
			id: 'a/b',
		});
	});

	it('By ID accepts an id of any of the locators, trimmed, and refuses others by entity', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'recordId', byId(' 42 '))).toEqual({ id: '42' });
		expect(locatorId(TWO, 'recordId', byId('T-42'))).toEqual({ id: 'T-42' });
		expect(locatorId(TWO, 'recordId', byId('T-42x'))).toEqual({
			problem: 'is not a valid record ID',
		});
		expect(locatorId(TWO, 'recordId', byId('x42'))).toEqual({
			problem: 'is not a valid record ID',
		});
		// the node type may come with or without its package prefix
		expect(locatorId(TWO.replace('n8n-nodes-crm-pack.', ''), 'recordId', byId('x42'))).toEqual({
			problem: 'is not a valid record ID',
		});
	});

	it('By ID of an expression (stored as a plain text or as a locator) is not pattern-checked', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'recordId', byId('a b'), '={{ $json.id }}')).toEqual({ id: 'a b' });
		expect(locatorId(TWO, 'recordId', byId('a b'), byId('={{ $json.id }}'))).toEqual({
			id: 'a b',
		});
		expect(locatorId(TWO, 'recordId', byId('a b'), byId('a b'))).toEqual({
			problem: 'is not a valid record ID',
		});
		expect(locatorId(TWO, 'recordId', byId('a b'), null)).toEqual({
			problem: 'is not a valid record ID',
		});
	});

	it('By URL takes the id from any locator with URLs, and names every URL form when none fits', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'recordId', byUrl('https://x.example/tickets/42'))).toEqual({
			id: '42',
		});
		expect(locatorId(TWO, 'recordId', byUrl('https://x.example/tasks/T-7?x=1'))).toEqual({
			id: 'T-7',
		});
		for (const url of [
			'https://x.example/tasks/42',
			'https://x.example/tickets/42x',
			'https:/x.example/tickets/42',
			'https:///tickets/42',
			'x.example/tickets/42',
		])
			expect(locatorId(TWO, 'recordId', byUrl(url))).toEqual({
				problem: 'must be a URL ending in …/tickets/<id> or …/tasks/<id>',
			});
		expect(locatorId(noUrlNode(), 'recordId', byUrl('https://x/t/1'))).toEqual({
			problem: 'cannot be a URL here: use By ID',
		});
	});

	it('From List takes the chosen value, trimmed, without the pattern', () => {
		const TWO = twoLocatorNode();
		expect(locatorId(TWO, 'recordId', { __rl: true, mode: 'list', value: ' a b ' })).toEqual({
			id: 'a b',
		});
	});
});
