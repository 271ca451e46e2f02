import { randomUUID } from 'node:crypto';

import type { SimRequest, SimResponse } from '../types';

export const uuid = (): string => randomUUID();

/** Seconds since the epoch, the unit CRM.COM uses for dates. */
export const epochSeconds = (ms = Date.now()): number => Math.floor(ms / 1000);

export function header(request: SimRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function bearerOf(request: SimRequest): string | undefined {
	const value = header(request, 'authorization');
	const match = value ? /^Bearer\s+(.+)$/i.exec(value) : null;
	return match ? match[1].trim() : undefined;
}

/**
 * A JWT-shaped token (header.payload.signature, base64url) that the simulator issues and
 * checks; it is not signed with a real key.
 */
export function issueJwt(
	claims: Record<string, unknown>,
	ttlMs: number,
): { token: string; expiresAt: number } {
	const expiresAt = Date.now() + ttlMs;
	const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const token = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ ...claims, exp: Math.floor(expiresAt / 1000), jti: uuid() })}.${Buffer.from(uuid()).toString('base64url')}`;
	return { token, expiresAt };
}

export function json(
	status: number,
	body?: unknown,
	headers?: Record<string, string>,
): SimResponse {
	return { status, body, headers };
}

/** Parses an integer query value, or returns the fallback. */
export function intParam(value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	return Number.isInteger(n) ? n : Number.NaN;
}
