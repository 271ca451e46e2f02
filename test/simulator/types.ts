import type { IncomingHttpHeaders } from 'node:http';

/** A request as an API module sees it. */
export interface SimRequest {
	method: string;
	path: string;
	/** Path parameters captured by the route pattern (`:id`). */
	params: Record<string, string>;
	query: Record<string, string>;
	/** Every value of each query key (for repeated keys such as `customer_id[]`). */
	queryAll: Record<string, string[]>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body (or undefined), and the raw text. */
	body: unknown;
	rawBody: string;
}

/** What a handler answers. A string body is sent as text; anything else as JSON. */
export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
	method: string;
	/** Path below the API's prefix, with `:name` segments, e.g. `/contacts/:id`. */
	path: string;
	handler: Handler;
}

/**
 * How an API behaves where its docs are silent:
 * - `docs`: only what the vendor's docs promise (minimal reply shapes, no undocumented fields,
 *   undocumented filters ignored);
 * - `live`: everything known of the live service (api-docs README), the default of the CLI;
 * - `classic`: the simulator's first reading (rich replies, every filter applied).
 */
export type SimProfile = 'docs' | 'live' | 'classic';

export const SIM_PROFILES: readonly SimProfile[] = ['docs', 'live', 'classic'];

export function isSimProfile(value: unknown): value is SimProfile {
	return typeof value === 'string' && (SIM_PROFILES as readonly string[]).includes(value);
}

/** One CRM API spoken by the simulator: adding an API is adding one of these. */
export interface SimApi {
	/** The profile in force; kept across `reset`. */
	profile: SimProfile;
	/** Short key, e.g. `crmcom`. */
	key: string;
	/** Human name for the console. */
	name: string;
	/** Mount point, e.g. `/crmcom/backoffice/v2`. */
	prefix: string;
	routes: Route[];
	/** Forget every record and token; re-seed the demo data if `seed` is true. */
	reset(seed: boolean): void;
	/** The body this API answers when a token has expired. */
	tokenExpiredResponse(): SimResponse;
	/** Credentials that work against this simulator (printed by `npm run simulator`). */
	demoCredentials: Record<string, string>;
}
