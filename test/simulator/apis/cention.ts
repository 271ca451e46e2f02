import type { Route, SimApi, SimProfile, SimRequest, SimResponse } from '../types';
import { bearerOf, header, json } from './shared';

/**
 * Cention Contact Cards (C3): `POST /s/<workspace>/capi/json/c3_contact_cards`, JSON:API bodies
 * (`application/vnd.api+json`), a Bearer JWT that must carry the claim "Access and create
 * customer contacts". A card that shares any channel (email, voice, facebook, vk, line) with the
 * new one is updated by appending, not duplicated.
 *
 * Profiles (the docs give no status codes and say only "updated by appending"):
 * - `docs` and `live` (nothing more is known of the live service): 200 for a new card and for
 *   an updated one alike; custom entries are appended (a label may then hold two values); the
 *   JSON:API rules the docs cite hold: a `Content-Type` with media type parameters gets 415, a
 *   `data.type` other than `c3_contact_cards` gets 409, both before anything is stored.
 * - `classic`: 201 for a new card, 200 for an update; a custom entry overwrites its label.
 */

export const CENTION_CLAIM = 'Access and create customer contacts';

const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: string[], workspace: string) =>
	`${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ workspace, claims })}.${Buffer.from(`sig-${workspace}-${claims.length}`).toString('base64url')}`;

export const CENTION_DEMO = {
	workspace: 'demo',
	/** A token with the claim. */
	jwt: token([CENTION_CLAIM], 'demo'),
	/** A valid token without the claim (403). */
	jwtWithoutClaim: token(['Read statistics'], 'demo'),
};

export const CHANNELS = ['email', 'voice', 'facebook', 'vk', 'line'] as const;
type Channel = (typeof CHANNELS)[number];

export interface ContactCard {
	id: number;
	name?: string;
	contacts: Record<Channel, string[]> & { custom: Array<{ label: string; value: string }> };
}

export class CentionApi implements SimApi {
	key = 'cention';

	name = 'Cention Contact Cards';

	prefix = '/cention';

	profile: SimProfile = 'classic';

	cards = new Map<number, ContactCard>();

	private nextId = 1;

	demoCredentials = {
		domain: '(this simulator)/cention',
		workspace: CENTION_DEMO.workspace,
		jwt: CENTION_DEMO.jwt,
	};

	routes: Route[] = [
		{
			method: 'POST',
			path: '/s/:workspace/capi/json/c3_contact_cards',
			handler: (r) => this.upsert(r),
		},
	];

	reset(seed: boolean): void {
		this.cards.clear();
		this.nextId = 1;
		if (seed) {
			this.store(
				undefined,
				'Ada Lovelace',
				{ email: ['ada@example.com'], voice: ['+441234567890'] },
				[],
			);
		}
	}

	tokenExpiredResponse(): SimResponse {
		return this.error(401, 'Unauthorized', 'Token is expired');
	}

	private error(status: number, title: string, detail: string): SimResponse {
		return {
			status,
			body: { errors: [{ status: String(status), title, detail }] },
			headers: { 'Content-Type': 'application/vnd.api+json' },
		};
	}

	/** Which card holds any of these channel values. */
	findByChannels(contacts: Partial<Record<Channel, string[]>>): ContactCard | undefined {
		for (const card of this.cards.values()) {
			for (const channel of CHANNELS) {
				const wanted = (contacts[channel] ?? []).map((v) => v.toLowerCase());
				if (card.contacts[channel].some((v) => wanted.includes(v.toLowerCase()))) return card;
			}
		}
		return undefined;
	}

	private store(
		existing: ContactCard | undefined,
		name: string | undefined,
		contacts: Partial<Record<Channel, string[]>>,
		custom: Array<{ label: string; value: string }>,
	): ContactCard {
		const card: ContactCard = existing ?? {
			id: this.nextId++,
			contacts: { email: [], voice: [], facebook: [], vk: [], line: [], custom: [] },
		};
		if (name) card.name = name;
		for (const channel of CHANNELS) {
			for (const value of contacts[channel] ?? []) {
				if (!card.contacts[channel].some((v) => v.toLowerCase() === value.toLowerCase()))
					card.contacts[channel].push(value);
			}
		}
		for (const entry of custom) {
			const found = card.contacts.custom.find((c) => c.label === entry.label);
			if (this.profile !== 'classic') {
				if (!found || found.value !== entry.value) card.contacts.custom.push({ ...entry });
			} else if (found) found.value = entry.value;
			else card.contacts.custom.push({ ...entry });
		}
		this.cards.set(card.id, card);
		return card;
	}

	private upsert(request: SimRequest): SimResponse {
		const bearer = bearerOf(request);
		if (!bearer) return this.error(401, 'Unauthorized', 'Missing bearer token');
		const [, payload] = bearer.split('.');
		let claims: { workspace?: string; claims?: string[] } = {};
		try {
			claims = JSON.parse(
				Buffer.from(payload ?? '', 'base64url').toString('utf8'),
			) as typeof claims;
		} catch {
			return this.error(401, 'Unauthorized', 'Invalid token');
		}
		if (![CENTION_DEMO.jwt, CENTION_DEMO.jwtWithoutClaim].includes(bearer))
			return this.error(401, 'Unauthorized', 'Invalid token');
		if (claims.workspace !== request.params.workspace)
			return this.error(401, 'Unauthorized', 'Token is not valid for this workspace');
		if (!claims.claims?.includes(CENTION_CLAIM))
			return this.error(403, 'Forbidden', 'Token lacks the required permission');
		const contentType = String(header(request, 'content-type') ?? '');
		if (!contentType.startsWith('application/vnd.api+json')) {
			return this.error(
				415,
				'Unsupported Media Type',
				'Content-Type must be application/vnd.api+json',
			);
		}
		// JSON:API: a JSON:API media type with parameters must get 415 Unsupported Media Type
		if (this.profile !== 'classic' && contentType.trim() !== 'application/vnd.api+json') {
			return this.error(
				415,
				'Unsupported Media Type',
				'The JSON:API media type must be sent without media type parameters',
			);
		}
		const data = (
			request.body as
				| { data?: { type?: string; attributes?: { contacts?: Record<string, unknown> } } }
				| undefined
		)?.data;
		// JSON:API: a resource object of a type this collection does not hold gets 409 Conflict
		if (this.profile !== 'classic' && data && data.type !== 'c3_contact_cards')
			return this.error(409, 'Conflict', 'data.type must be c3_contact_cards');
		if (!data || data.type !== 'c3_contact_cards')
			return this.error(422, 'Unprocessable Entity', 'data.type must be c3_contact_cards');
		const raw = data.attributes?.contacts;
		if (!raw || typeof raw !== 'object')
			return this.error(422, 'Unprocessable Entity', 'data.attributes.contacts is required');
		const contacts: Partial<Record<Channel, string[]>> = {};
		for (const channel of CHANNELS) {
			const values = raw[channel];
			if (values === undefined) continue;
			if (!Array.isArray(values) || values.some((v) => typeof v !== 'string' || v.trim() === '')) {
				return this.error(
					422,
					'Unprocessable Entity',
					`contacts.${channel} must be an array of strings`,
				);
			}
			contacts[channel] = values as string[];
		}
		if (!CHANNELS.some((c) => (contacts[c] ?? []).length > 0)) {
			return this.error(
				422,
				'Unprocessable Entity',
				'At least one contact (email, voice, facebook, vk, line) is required',
			);
		}
		for (const email of contacts.email ?? []) {
			if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
				return this.error(422, 'Unprocessable Entity', `Invalid email ${email}`);
		}
		const custom = Array.isArray(raw.custom)
			? (raw.custom as Array<{ label: string; value: string }>)
			: [];
		const existing = this.findByChannels(contacts);
		const card = this.store(
			existing,
			typeof raw.name === 'string' ? raw.name : undefined,
			contacts,
			custom,
		);
		const body = {
			data: {
				type: 'c3_contact_cards',
				id: String(card.id),
				attributes: { c3_id: card.id, contacts: { name: card.name, ...card.contacts } },
			},
		};
		const status = this.profile === 'classic' && !existing ? 201 : 200;
		return json(status, body, { 'Content-Type': 'application/vnd.api+json' });
	}
}
