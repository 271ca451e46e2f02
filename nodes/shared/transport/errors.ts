import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { Redactor } from '../redact';
import type { CrmFailure, CrmReply } from './types';

/** The HTTP reply carried by an error thrown from n8n's request helper, if any. */
export function replyFromError(error: unknown): CrmReply | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as {
			response?: { status?: unknown; headers?: unknown; data?: unknown; body?: unknown };
			cause?: unknown;
		};
		const response = candidate.response;
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: normaliseHeaders(response.headers),
				body: response.data ?? response.body,
			};
		}
		current = candidate.cause;
	}
	return undefined;
}

export function normaliseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => unknown }).toJSON() as Record<string, unknown>)
			: (headers as Record<string, unknown>);
	for (const [key, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

/** A short, readable excerpt of a body for messages: text as is, JSON compacted. */
export function bodyExcerpt(body: unknown, max = 300): string {
	if (body === undefined || body === null) return '';
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The failure of a reply when the CRM gave no reader: its text or `message`. */
export function defaultReadError(reply: CrmReply): CrmFailure {
	const body = reply.body;
	let message = '';
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const record = body as Record<string, unknown>;
		for (const key of ['message', 'error', 'description', 'detail']) {
			if (typeof record[key] === 'string' && record[key]) {
				message = record[key] as string;
				break;
			}
		}
	}
	if (!message) message = bodyExcerpt(body);
	return {
		message: message || `HTTP ${reply.statusCode}`,
		httpCode: reply.statusCode,
	};
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the fields of this item against the API documentation.',
	401: 'Check the credential: the key or token was refused.',
	403: 'The credential is valid but lacks the permission for this call.',
	404: 'Check the ID: the record does not exist or is not visible to this credential.',
	409: 'The record changed or already exists.',
	422: 'Check the fields of this item against the API documentation.',
	425: 'The service refused a request that may be replayed; try again later.',
	429: 'The service is rate limiting: lower Concurrency or raise the retry budget in Options.',
	500: 'The service failed; try again later.',
	502: 'The service is unreachable behind its gateway; try again later.',
	503: 'The service is unavailable; try again later or raise the retry budget in Options.',
	504: 'The service timed out; try again later or raise Timeout in Options.',
};

/** Builds the NodeApiError a user sees, with the CRM's message, HTTP code and a hint; redacted. */
export function apiError(
	node: INode,
	displayName: string,
	failure: CrmFailure,
	redactor: Redactor,
	itemIndex?: number,
	attempts?: number,
): NodeApiError {
	const hint = failure.hint ?? (failure.httpCode ? STATUS_HINTS[failure.httpCode] : undefined);
	// the service's words are redacted; the node's own (display name, hint) are not secrets
	const parts = [
		failure.description ? redactor.text(failure.description) : undefined,
		hint ? `Hint: ${hint}` : undefined,
	];
	if (attempts && attempts > 1) parts.push(`Gave up after ${attempts} attempts.`);
	const description = parts.filter(Boolean).join(' ');
	const message = `${displayName}: ${redactor.text(failure.message)}`;
	const response: JsonObject = {
		message,
		description,
		httpCode: failure.httpCode ? String(failure.httpCode) : null,
	};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.httpCode ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	return redactor.error(error, { messageRedacted: true });
}

/** Marks an error with its item and redacts it; NodeApiError/NodeOperationError pass through. */
export function asNodeError(
	node: INode,
	error: unknown,
	redactor: Redactor,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) {
			error.context = { ...(error.context ?? {}), itemIndex };
		}
		return redactor.error(error);
	}
	const message = error instanceof Error ? error.message : String(error);
	return redactor.error(new NodeOperationError(node, message, { itemIndex }));
}
