import type { IExecuteFunctions, IPollFunctions, NodeParameterValueType } from 'n8n-workflow';

import type { RequestContext } from './transport/types';
import { pathSegment } from './transport/url';
import { locatorId } from './locator';
import { fieldError, fields, validate } from './validation';

/**
 * Reads a node parameter from any context: execute-style contexts take an item index,
 * poll/load-options contexts do not.
 */
export function nodeParameter<T extends NodeParameterValueType | object>(
	ctx: RequestContext,
	name: string,
	fallback: T,
	itemIndex = 0,
): T {
	if ('getInputData' in ctx) {
		return (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback) as T;
	}
	return (ctx as IPollFunctions).getNodeParameter(name, fallback) as T;
}

/**
 * A text parameter, trimmed; an expression that resolves to null or undefined reads as empty
 * (never as the text "null"), so the node's own checks see it as missing.
 */
export function textParameter(ctx: RequestContext, name: string, itemIndex = 0): string {
	const value = nodeParameter<NodeParameterValueType>(ctx, name, '', itemIndex);
	return value === null || value === undefined ? '' : String(value).trim();
}

/** A value from a comma-separated string or a list, as a trimmed list without empty entries. */
export function listOf(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return raw.map((v) => String(v).trim()).filter(Boolean);
}

/**
 * The id of item `i` from a text or resource-locator parameter, checked (not empty, not "." or
 * "..") and encoded as one URL path segment. `label` names the field in the error.
 */
export function idParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): string {
	// read as stored (no `extractValue`): locatorId checks and extracts with the locator's rules
	const node = ctx.getNode();
	const located = locatorId(
		node.type,
		name,
		ctx.getNodeParameter(name, i, '') as unknown,
		node.parameters[name],
	);
	if ('problem' in located) throw fieldError(node, label, located.problem, i);
	const value = located.id;
	const id = validate(
		ctx.getNode(),
		fields.pathId(),
		typeof value === 'number' ? String(value) : value,
		{ '': label },
		i,
	);
	return pathSegment(id);
}
