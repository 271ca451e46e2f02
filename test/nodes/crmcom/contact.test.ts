import { byId, runCrmCom, useCrmCom } from './setup';

const t = useCrmCom();

t.describe('CRM.COM contact', () => {
	it('creates a person and a company, validating before sending', async () => {
		const person = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'create',
			contactFields: {
				firstName: 'Ada',
				lastName: 'Byron',
				email: 'ada@example.org',
				phone: '+44 20 7946 0000',
				code: 'ADA-1',
			},
		});
		expect(person.error).toBeUndefined();
		expect(t.sim.log.find('/contacts', 'POST')[0].body).toEqual({
			first_name: 'Ada',
			last_name: 'Byron',
			email: 'ada@example.org',
			phone: '+44 20 7946 0000',
			code: 'ADA-1',
		});
		const company = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'create',
			contactFields: { type: 'COMPANY' },
		});
		expect(company.error?.message).toBe('Invalid value: "Company Name" is required for a company');
		const badEmail = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'create',
			contactFields: { lastName: 'X', email: 'nope' },
		});
		expect(badEmail.error?.message).toBe('Invalid value: "Email" must be a valid email address');
		const noName = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'create',
			contactFields: { email: 'a@b.co' },
		});
		expect(noName.error?.message).toBe(
			'Invalid value: "Last Name" is required for a person (or give a First Name)',
		);
		expect(t.sim.log.count('/contacts', 'POST')).toBe(1);
	});

	it('gets, lists with search and updates', async () => {
		const contact = [...t.api.contacts.values()][0];
		const got = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'get',
			contactId: byId(contact.id),
		});
		expect(got.items[0].json).toMatchObject({ id: contact.id, email: contact.email });
		const found = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			searchValue: contact.email,
		});
		expect(found.items.map((i) => i.json.id)).toEqual([contact.id]);
		expect(t.sim.log.find('/contacts', 'GET')[1].query.search_value).toBe(contact.email);
		await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'update',
			contactId: byId(contact.id),
			updateFields: { phone: '+357 99 000000' },
		});
		expect(t.sim.log.find('/contacts', 'PUT')[0].body).toEqual({ phone: '+357 99 000000' });
		expect(t.api.contacts.get(contact.id)?.phone).toBe('+357 99 000000');
	});

	it('Return All pages through every contact once and in order, whatever the paging reply says', async () => {
		t.api.seed(240, 0);
		const expected = [...t.api.contacts.values()]
			.sort((a, b) => b.created_date - a.created_date || a.id.localeCompare(b.id))
			.map((c) => c.id);
		const all = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => i.json.id)).toEqual(expected);
		const limited = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 130,
		});
		expect(limited.items.map((i) => i.json.id)).toEqual(expected.slice(0, 130));
	});

	it('upsert updates the one contact that matches, and says so', async () => {
		const contact = [...t.api.contacts.values()][3];
		const result = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'email',
			matchValue: contact.email,
			contactFields: { lastName: 'Renamed' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: contact.id, _upsert: 'updated' });
		expect(t.api.contacts.get(contact.id)?.last_name).toBe('Renamed');
		expect(t.sim.log.count('/contacts', 'POST')).toBe(0);
	});

	it('upsert creates the contact when none matches', async () => {
		const before = t.api.contacts.size;
		const result = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'code',
			matchValue: 'NEW-42',
			contactFields: { firstName: 'New', lastName: 'Person' },
		});
		expect(result.items[0].json._upsert).toBe('created');
		expect(t.api.contacts.size).toBe(before + 1);
		expect([...t.api.contacts.values()].find((c) => c.code === 'NEW-42')?.last_name).toBe('Person');
	});

	it('upsert by custom field', async () => {
		const contact = [...t.api.contacts.values()][1];
		contact.custom_fields = [{ key: 'crm_ref', value: 'R-7' }];
		const result = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'customField',
			matchKey: 'crm_ref',
			matchValue: 'R-7',
			contactFields: { phone: '+1 555 0100' },
		});
		expect(t.sim.log.find('/contacts', 'GET')[0].query.custom_fields).toBe('crm_ref;R-7');
		// one page of two records, never the whole table
		expect(t.sim.log.count('/contacts', 'GET')).toBe(1);
		expect(t.sim.log.find('/contacts', 'GET')[0].query.size).toBe('2');
		if (t.profile === 'live') {
			// the live service ignores the filter: a clear error, nothing written
			expect(result.error?.message).toBe(
				'CRM.COM ignored the custom field filter "crm_ref": no contact was changed',
			);
			expect(result.error?.description).toContain('Match by Code, Email or Phone');
			expect(t.sim.log.count('/contacts', 'PUT') + t.sim.log.count('/contacts', 'POST')).toBe(0);
		} else {
			expect(result.items[0].json).toMatchObject({ id: contact.id, _upsert: 'updated' });
			expect(t.api.contacts.get(contact.id)?.phone).toBe('+1 555 0100');
		}
	});

	it('upsert by custom field creates the contact when the filter finds none', async () => {
		t.api.seed(600, 0);
		const before = t.api.contacts.size;
		const result = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'customField',
			matchKey: 'crm_ref',
			matchValue: 'R-new',
			contactFields: { lastName: 'Fresh' },
		});
		// 612 contacts: one request whatever the server does with the filter
		expect(t.sim.log.count('/contacts', 'GET')).toBe(1);
		if (t.profile === 'live') {
			expect(result.error?.message).toContain('ignored the custom field filter');
			expect(t.api.contacts.size).toBe(before);
		} else {
			expect(result.items[0].json._upsert).toBe('created');
			expect(t.api.contacts.size).toBe(before + 1);
			const created = [...t.api.contacts.values()].find((c) => c.last_name === 'Fresh');
			expect(created?.custom_fields).toEqual([{ key: 'crm_ref', value: 'R-new' }]);
		}
	});

	it('upsert refuses to guess when several contacts match', async () => {
		const [a, b] = [...t.api.contacts.values()];
		b.email = a.email;
		const result = await runCrmCom(t.sim, {
			resource: 'contact',
			operation: 'upsert',
			matchBy: 'email',
			matchValue: a.email,
			contactFields: { lastName: 'X' },
		});
		expect(result.error?.message).toContain('2 contacts match email');
		expect(t.sim.log.count('/contacts', 'PUT') + t.sim.log.count('/contacts', 'POST')).toBe(0);
	});
});
