import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readRequestSettings } from '../../shared/descriptions';
import { pathSegment } from '../../shared/transport/url';
import { fields, validate } from '../../shared/validation';

/** A resource-locator id of item `i`, checked and encoded for a URL path. */
export function idFrom(ctx: IExecuteFunctions, name: string, label: string, i: number): string {
	const raw = ctx.getNodeParameter(name, i, '', {
		extractValue: true,
	}) as unknown;
	const value = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	const id = validate(
		ctx.getNode(),
		fields.pathId(),
		typeof value === 'number' ? String(value) : value,
		{ '': label },
		i,
	);
	return pathSegment(id);
}

/** The request settings (timeout, retries) of item `i`. */
export function requestOptionsOf(ctx: IExecuteFunctions, i: number) {
	return readRequestSettings(ctx, i).request;
}
