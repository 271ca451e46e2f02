import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import { nodeParameter } from './parameters';
import type { RequestOptions } from './transport/types';

/**
 * Merges show-conditions into each property (n8n's own `updateDisplayOptions` lives in
 * nodes-base, which a community package cannot import).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...(property.displayOptions ?? {}),
			show: { ...(property.displayOptions?.show ?? {}), ...(displayOptions.show ?? {}) },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...(property.displayOptions?.hide ?? {}), ...(displayOptions.hide ?? {}) } }
				: {}),
		},
	}));
}

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** Return All + Limit, for every Get Many. */
export const returnAllOrLimit: INodeProperties[] = [returnAllProperty, limitProperty];

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The option names the shared Options collection may hold. */
export type RequestOptionName =
	| 'timeout'
	| 'maxAttempts'
	| 'retryBudget'
	| 'pageSize'
	| 'concurrency'
	| 'batchSize'
	| 'maxPages';

const OPTION_FIELDS: Record<RequestOptionName, INodeProperties> = {
	batchSize: {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 100,
		description: 'How many records to send in one request',
	},
	concurrency: {
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 16 },
		default: 4,
		description:
			'The most requests in flight at once. The node starts at 4 (or this, if lower), adds one while replies stay fast and halves on a 429/503 or slow replies.',
	},
	maxAttempts: {
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description:
			'How many times one request may be tried in all, on rate limits (429), 502/503/504 and network errors. Writes that may already have been applied are never re-sent.',
	},
	maxPages: {
		displayName: 'Max Pages',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5000,
		description:
			'Stop Return All with an error after this many pages, in case the API ignores a filter and would page through everything',
	},
	pageSize: {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 100,
		description: 'How many records to ask for per page',
	},
	retryBudget: {
		displayName: 'Retry Budget (Seconds)',
		name: 'retryBudget',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description: 'Longest time one request may spend in retries and waits, Retry-After included',
	},
	timeout: {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long to wait for one reply before giving up on that attempt',
	},
};

/**
 * The Options collection of an operation, with the request options it supports.
 * `defaults` overrides a field's default (e.g. a page size the API prefers).
 */
export function requestOptionsCollection(
	names: RequestOptionName[],
	defaults: Partial<Record<RequestOptionName, number>> = {},
	extra: INodeProperties[] = [],
): INodeProperties {
	const options = [
		...names.map((name) => ({
			...OPTION_FIELDS[name],
			default: defaults[name] ?? OPTION_FIELDS[name].default,
		})),
		...extra,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** The user's settings from the Options collection, in the shapes the transport uses. */
export interface UserRequestSettings {
	request: Partial<RequestOptions>;
	pageSize?: number;
	concurrency?: number;
	batchSize?: number;
	maxPages?: number;
	raw: IDataObject;
}

export function readRequestSettings(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex = 0,
): UserRequestSettings {
	const raw = nodeParameter<IDataObject>(ctx, 'options', {}, itemIndex);
	const num = (key: string): number | undefined =>
		typeof raw[key] === 'number' && Number.isFinite(raw[key]) ? (raw[key] as number) : undefined;
	const request: Partial<RequestOptions> = {};
	const timeout = num('timeout');
	if (timeout !== undefined) request.timeoutMs = timeout * 1000;
	const attempts = num('maxAttempts');
	if (attempts !== undefined) request.maxAttempts = Math.max(1, Math.floor(attempts));
	const budget = num('retryBudget');
	if (budget !== undefined) request.retryBudgetMs = budget * 1000;
	return {
		request,
		pageSize: num('pageSize'),
		concurrency: num('concurrency'),
		batchSize: num('batchSize'),
		maxPages: num('maxPages'),
		raw,
	};
}

/**
 * The named Options collections: `read` and `write` (one request: timeout and retries),
 * `concurrentWrite` (one request per item, several items at once), `list` (a paged list read
 * page after page), `pagedList` (a paged list that may fetch pages at once), `rangeList` (a
 * list paged by the user's page size, one page at a time), `batchWrite` (records sent many per request).
 */
export const OPTION_PRESETS = {
	read: ['maxAttempts', 'retryBudget', 'timeout'],
	write: ['maxAttempts', 'retryBudget', 'timeout'],
	concurrentWrite: ['concurrency', 'maxAttempts', 'retryBudget', 'timeout'],
	list: ['maxAttempts', 'maxPages', 'retryBudget', 'timeout'],
	rangeList: ['maxAttempts', 'maxPages', 'pageSize', 'retryBudget', 'timeout'],
	pagedList: ['concurrency', 'maxAttempts', 'maxPages', 'pageSize', 'retryBudget', 'timeout'],
	batchWrite: ['batchSize', 'concurrency', 'maxAttempts', 'retryBudget', 'timeout'],
} as const satisfies Record<string, readonly RequestOptionName[]>;

export type OptionPreset = keyof typeof OPTION_PRESETS;

/** The Options collection of a named preset (see `OPTION_PRESETS`). */
export function optionsCollection(
	preset: OptionPreset,
	defaults: Partial<Record<RequestOptionName, number>> = {},
	extra: INodeProperties[] = [],
): INodeProperties {
	return requestOptionsCollection([...OPTION_PRESETS[preset]], defaults, extra);
}

/**
 * Records of item `i` as the Simplify toggle (default on) asks: each passed through `simplify`,
 * or as the API returned them.
 */
export function simplifiedIf<T>(
	ctx: IExecuteFunctions,
	i: number,
	records: T | T[],
	simplify: (record: T) => IDataObject,
): IDataObject | IDataObject[] {
	const on = ctx.getNodeParameter('simplify', i, true) as boolean;
	if (Array.isArray(records)) return on ? records.map(simplify) : (records as IDataObject[]);
	return on ? simplify(records) : (records as IDataObject);
}
