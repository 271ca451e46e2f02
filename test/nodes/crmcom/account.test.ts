import { byId, crmError, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

t.describe('CRM.COM account', () => {
	it('creates an account for a contact, checking the currency code first', async () => {
		const contactId = [...t.api.contacts.keys()][0];
		const bad = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'create',
			contactId: byId(contactId),
			currencyCode: 'EURO',
		});
		expect(bad.error?.message).toBe(
			'Invalid value: "Currency Code" must be a 3-letter ISO 4217 currency code, e.g. EUR',
		);
		expect(t.sim.log.count()).toBe(0);
		const ok = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'create',
			contactId: byId(contactId),
			currencyCode: 'usd',
			additionalFields: { isPrimary: true, name: 'Dollar account' },
		});
		expect(ok.error).toBeUndefined();
		expect(t.sim.log.find('/accounts', 'POST')[0].body).toEqual({
			currency_code: 'USD',
			is_primary: true,
			name: 'Dollar account',
		});
		const account = t.api.accounts.get(ok.items[0].json.id as string);
		expect(account).toMatchObject({
			currency_code: 'USD',
			is_primary: true,
			contact_id: contactId,
		});
	});

	it('lists the accounts of a contact with filters', async () => {
		const contactId = [...t.api.contacts.keys()][0];
		t.api.insertAccount({ contact_id: contactId, currency_code: 'GBP', state: 'SUSPENDED' });
		const result = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'getAll',
			contactId: byId(contactId),
			returnAll: true,
			filters: { states: ['SUSPENDED'], order: 'ASC' },
		});
		expect(result.items.map((i) => i.json.currency_code)).toEqual(['GBP']);
		expect(t.sim.log.all()[0].query).toMatchObject({ state: 'SUSPENDED', order: 'ASC' });
	});

	it('gets and updates an account', async () => {
		const account = [...t.api.accounts.values()][0];
		const got = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'get',
			accountId: byId(account.id),
		});
		expect(got.items[0].json).toMatchObject({
			id: account.id,
			state: 'ACTIVE',
			currency_code: 'EUR',
		});
		await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'update',
			accountId: byId(account.id),
			updateFields: { creditLimit: 250.5, paymentTermsId: 'net7' },
		});
		expect(t.sim.log.find('/accounts', 'PUT')[0].body).toEqual({
			credit_limit: 250.5,
			payment_terms_id: 'net7',
		});
		expect(t.api.accounts.get(account.id)?.credit_limit).toBe(250.5);
	});

	it('suspends, reactivates and terminates with a balance transfer', async () => {
		const [a, b] = [...t.api.accounts.values()];
		a.balance = 40;
		const suspend = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'action',
			accountId: byId(a.id),
			state: 'SUSPENDED',
		});
		expect(suspend.items[0].json).toMatchObject({ id: a.id, state: 'SUSPENDED' });
		await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'action',
			accountId: byId(a.id),
			state: 'ACTIVE',
		});
		const end = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'action',
			accountId: byId(a.id),
			state: 'TERMINATED',
			transferToAccountId: b.id,
		});
		expect(end.error).toBeUndefined();
		expect(t.sim.log.find('/actions', 'POST').map((c) => c.body)).toEqual([
			{ state: 'SUSPENDED' },
			{ state: 'ACTIVE' },
			{ state: 'TERMINATED', account_id: b.id },
		]);
		expect(t.api.accounts.get(a.id)).toMatchObject({ state: 'TERMINATED', balance: 0 });
		expect(t.api.accounts.get(b.id)?.balance).toBe(40);
		const again = await runCrmCom(t.sim, {
			resource: 'account',
			operation: 'action',
			accountId: byId(a.id),
			state: 'ACTIVE',
		});
		expect(again.error?.message).toBe(
			crmError(
				t,
				'An account in state TERMINATED cannot become ACTIVE',
				'CRM.EXCEPTIONS.INVALIDSTATEEXCEPTION',
			),
		);
	});
});
