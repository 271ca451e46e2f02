/* CRM.COM Back-Office simulator: accounts (`/accounts`, `/contacts/{id}/accounts`). Handlers take the API's store as `api`. */
import type { SimRequest, SimResponse } from '../../types';
import { type CrmComAccount, type CrmComBackofficeApi } from '../crmcomBackoffice';
import { json } from '../shared';

export function accountView(
	_api: CrmComBackofficeApi,
	account: CrmComAccount,
): Record<string, unknown> {
	return {
		id: account.id,
		name: account.name,
		number: account.number,
		is_primary: account.is_primary,
		state: account.state,
		currency_code: account.currency_code,
		balance: account.balance,
		overdue_amount: account.overdue_amount,
		credit_limit: account.credit_limit,
		payment_terms: account.payment_terms_id
			? { id: account.payment_terms_id, name: 'Net 7' }
			: null,
		classification: account.classification_id
			? { id: account.classification_id, name: 'Standard' }
			: null,
		billing_address: account.billing_address_id ? { id: account.billing_address_id } : null,
	};
}

export function getAccount(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const account = api.accounts.get(request.params.id);
	return account
		? json(200, accountView(api, account))
		: api.notFound('account', request.params.id);
}

export function updateAccount(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const account = api.accounts.get(request.params.id);
	if (!account) return api.notFound('account', request.params.id);
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (
		body.credit_limit !== undefined &&
		(typeof body.credit_limit !== 'number' || body.credit_limit < 0)
	) {
		return api.error(
			400,
			'credit_limit must be a positive number',
			'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
			['credit_limit'],
		);
	}
	for (const key of [
		'classification_id',
		'billing_address_id',
		'credit_limit',
		'payment_terms_id',
	] as const) {
		if (body[key] !== undefined) (account as unknown as Record<string, unknown>)[key] = body[key];
	}
	if (body.is_primary === true) {
		for (const other of api.accounts.values())
			if (other.contact_id === account.contact_id) other.is_primary = false;
		account.is_primary = true;
	}
	return json(200, { id: account.id });
}

export function accountAction(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	const account = api.accounts.get(request.params.id);
	if (!account) return api.notFound('account', request.params.id);
	const body = (request.body ?? {}) as { state?: string; account_id?: string };
	const allowed: Record<string, string[]> = {
		ACTIVE: ['SUSPENDED', 'TERMINATED'],
		SUSPENDED: ['ACTIVE', 'TERMINATED'],
		TERMINATED: [],
	};
	if (!body.state || !['ACTIVE', 'SUSPENDED', 'TERMINATED'].includes(body.state)) {
		return api.error(
			400,
			'state must be ACTIVE, SUSPENDED or TERMINATED',
			'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
			['state'],
		);
	}
	if (!allowed[account.state].includes(body.state)) {
		return api.error(
			400,
			`An account in state ${account.state} cannot become ${body.state}`,
			'CRM.EXCEPTIONS.INVALIDSTATEEXCEPTION',
			['state'],
		);
	}
	if (body.account_id !== undefined && body.account_id !== null) {
		if (body.state !== 'TERMINATED') {
			return api.error(
				400,
				'account_id applies only when terminating',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['account_id'],
			);
		}
		const target = api.accounts.get(body.account_id);
		if (!target || target.id === account.id || target.state === 'TERMINATED') {
			return api.error(
				400,
				'The balance transfer account must be another open account',
				'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
				['account_id'],
			);
		}
		target.balance += account.balance;
		account.balance = 0;
	}
	account.state = body.state as CrmComAccount['state'];
	return json(200, { id: account.id });
}

export function listAccounts(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	if (!api.contacts.has(request.params.id)) return api.notFound('contact', request.params.id);
	let list = [...api.accounts.values()].filter((a) => a.contact_id === request.params.id);
	if (request.query.is_primary === 'true') list = list.filter((a) => a.is_primary);
	const states = request.query.state?.split(',').filter(Boolean);
	if (states?.length) list = list.filter((a) => states.includes(a.state));
	const order = (request.query.order ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
	const sort = request.query.sort ?? 'CREATED_DATE';
	list.sort(
		(a, b) =>
			(sort === 'NAME' ? a.name.localeCompare(b.name) : a.created_on - b.created_on) * order,
	);
	return api.page(
		request,
		list.map((a) => accountView(api, a)),
	);
}

export function createAccount(api: CrmComBackofficeApi, request: SimRequest): SimResponse {
	if (!api.contacts.has(request.params.id)) return api.notFound('contact', request.params.id);
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (typeof body.currency_code !== 'string' || !/^[A-Z]{3}$/.test(body.currency_code)) {
		return api.error(
			400,
			'currency_code must be a 3-letter ISO 4217 code',
			'CRM.EXCEPTIONS.INVALIDVALUEEXCEPTION',
			['currency_code'],
		);
	}
	const clash = [...api.accounts.values()].find(
		(a) =>
			a.contact_id === request.params.id &&
			a.currency_code === body.currency_code &&
			a.state !== 'TERMINATED',
	);
	if (clash)
		return api.error(
			409,
			'The contact already has an account in this currency',
			'CRM.EXCEPTIONS.ALREADYEXISTSEXCEPTION',
			['currency_code'],
		);
	const account = api.insertAccount({
		contact_id: request.params.id,
		currency_code: body.currency_code,
		is_primary: body.is_primary === true,
		name: typeof body.name === 'string' && body.name ? body.name : undefined,
		classification_id: (body.classification_id as string) ?? null,
		billing_address_id: (body.billing_address_id as string) ?? null,
	} as CrmComAccount);
	return json(201, { id: account.id });
}
