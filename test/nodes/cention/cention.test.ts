import type { IDataObject } from 'n8n-workflow';

import type { NodeRunSpec } from '../../harness/harness';
import { useSimulator } from '../../lib/simulator';
import { CENTION_DEMO, type CentionApi } from '../../simulator/apis/cention';

const env = useSimulator<CentionApi>('cention');

function run(parameters: IDataObject, extra: Partial<NodeRunSpec> = {}, token = CENTION_DEMO.jwt) {
	return env.run(
		'cention',
		{ resource: 'contactCard', operation: 'upsert', ...parameters },
		{ credentialOverrides: { accessToken: token }, ...extra },
	);
}

env.describe('Cention contact cards', () => {
	it('creates a card with a JSON:API body and reports its ids', async () => {
		const result = await run({
			name: 'Tester Cention',
			emails: ['tester.c3@cention.se', 'tester.c3.2@cention.se'],
			moreChannels: { facebook: ['12345@facebook.com'] },
			customFields: { field: [{ label: 'ID', value: 'AB07090' }] },
		});
		expect(result.error).toBeUndefined();
		const [call] = env.sim.log.find('/c3_contact_cards', 'POST');
		expect(call.path).toBe('/cention/s/demo/capi/json/c3_contact_cards');
		expect(call.headers['content-type']).toContain('application/vnd.api+json');
		expect(call.headers.authorization).toBe(`Bearer ${CENTION_DEMO.jwt}`);
		expect(call.body).toEqual({
			data: {
				type: 'c3_contact_cards',
				attributes: {
					contacts: {
						email: ['tester.c3@cention.se', 'tester.c3.2@cention.se'],
						facebook: ['12345@facebook.com'],
						custom: [{ label: 'ID', value: 'AB07090' }],
						name: 'Tester Cention',
					},
				},
			},
		});
		expect(result.items[0].json).toMatchObject({
			contact_card_id: '2',
			c3_id: 2,
			// the docs give no status codes: only classic's 201 says "created"; a 200 whose reply
			// holds nothing but what was sent cannot tell
			created: env.profile === 'classic' ? true : null,
			name: 'Tester Cention',
		});
	});

	it('updates the existing card found by a channel instead of duplicating it', async () => {
		const before = env.api.cards.size;
		const result = await run({
			name: 'Ada L.',
			phones: ['+44 1234 567890'],
			emails: ['ada.new@example.com'],
		});
		expect(result.items[0].json).toMatchObject({ contact_card_id: '1', c3_id: 1, created: false });
		expect(env.api.cards.size).toBe(before);
		expect(env.api.cards.get(1)?.contacts.email).toEqual([
			'ada@example.com',
			'ada.new@example.com',
		]);
		expect(
			(env.sim.log.all()[0].body as { data: { attributes: { contacts: { voice: string[] } } } })
				.data.attributes.contacts.voice,
		).toEqual(['+441234567890']);
	});

	it("an update appends (the docs' reading): a custom label may then hold both values, and the output shows it", async () => {
		await run({
			emails: ['ada@example.com'],
			customFields: { field: [{ label: 'Tier', value: 'Gold' }] },
		});
		const second = await run({
			emails: ['ada@example.com'],
			customFields: { field: [{ label: 'Tier', value: 'Platinum' }] },
		});
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.created).toBe(false);
		expect(second.items[0].json.custom).toEqual([
			{ label: 'Tier', value: 'Gold' },
			{ label: 'Tier', value: 'Platinum' },
		]);
	});

	it('accepts one comma-separated expression result as a list', async () => {
		const result = await run(
			{ emails: ['={{ $json.emails }}'] },
			{ input: [{ emails: 'a@x.io, b@x.io' }] },
		);
		expect(result.error).toBeUndefined();
		expect(env.api.findByChannels({ email: ['b@x.io'] })?.contacts.email).toEqual([
			'a@x.io',
			'b@x.io',
		]);
	});

	it.each([
		[
			{ name: 'Nobody' },
			'Invalid value: "Emails" or another channel (phone number, Facebook, VK, LINE) is required',
		],
		[{ emails: ['not-an-email'] }, 'Invalid value: "Emails → 0" must be a valid email address'],
		[
			{ phones: ['0701234567'] },
			'Invalid value: "Phone Numbers → 0" must hold phone numbers that start with +',
		],
		[
			{ phones: ['+12'] },
			'Invalid value: "Phone Numbers → 0" must hold phone numbers that start with +',
		],
		[
			{ emails: ['a@b.co'], moreChannels: { vk: ['has space'] } },
			'Invalid value: "VK IDs → 0" must not contain spaces',
		],
	])('rejects %j before sending', async (params, message) => {
		const result = await run(params);
		expect(result.error?.message).toContain(message);
		expect(env.sim.log.count()).toBe(0);
	});

	it('401: says the token was refused, never shows it', async () => {
		const result = await run(
			{ emails: ['a@b.co'] },
			{},
			'eyJhbGciOiJIUzI1NiJ9.eyJ3b3Jrc3BhY2UiOiJkZW1vIn0.bm9wZQ',
		);
		expect(result.error?.message).toBe('Cention: Invalid token');
		expect(result.error?.description).toContain('refused the access token');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('eyJ3b3Jrc3BhY2UiOiJkZW1vIn0');
	});

	it('403: names the claim the token needs', async () => {
		const result = await run({ emails: ['a@b.co'] }, {}, CENTION_DEMO.jwtWithoutClaim);
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.description).toContain('"Access and create customer contacts"');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(CENTION_DEMO.jwtWithoutClaim);
	});

	it('retries 429 and 503, and a reply lost after the write, without a duplicate card', async () => {
		env.sim.inject(
			{ kind: 'status429', retryAfter: 0 },
			{ kind: 'status503', retryAfter: 0 },
			{ kind: 'resetAfter' },
		);
		const before = env.api.cards.size;
		const result = await run({ name: 'Retry', emails: ['retry@example.com'] });
		expect(result.error).toBeUndefined();
		expect(env.sim.log.count('/c3_contact_cards')).toBe(4);
		expect(env.api.cards.size).toBe(before + 1);
		// the retried POST found the card its lost first attempt made: the reply cannot tell
		expect(result.items[0].json.created).toBeNull();
	});

	it('sends items concurrently, output in input order with pairing', async () => {
		env.sim.inject({ kind: 'delay', delayMs: 150 });
		env.sim.latencyMs = 30;
		const input = Array.from({ length: 8 }, (_, k) => ({ email: `person${k}@example.com` }));
		const result = await run(
			{ emails: ['={{ $json.email }}'], options: { concurrency: 3 } },
			{ input },
		);
		env.sim.latencyMs = 0;
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => (i.json.email as string[])[0])).toEqual(
			input.map((i) => i.email),
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, k) => ({ item: k })));
		expect(env.sim.log.maxInFlight).toBe(3);
	});

	it('continueOnFail: a bad item fails alone', async () => {
		const result = await run(
			{ emails: ['={{ $json.email }}'] },
			{
				continueOnFail: true,
				input: [{ email: 'ok1@example.com' }, { email: 'broken' }, { email: 'ok2@example.com' }],
			},
		);
		expect(result.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(env.sim.log.count('/c3_contact_cards')).toBe(2);
	});
});
