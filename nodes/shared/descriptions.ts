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
 * Records of item `i` as the Simplify toggle asks: each passed through `simplify`, or as the API
 * returned them. `defaultOn` is the toggle's default (off where it came after the node's first
 * release, so older workflows keep their output).
 */
export function simplifiedIf<T>(
	ctx: IExecuteFunctions,
	i: number,
	records: T | T[],
	simplify: (record: T) => IDataObject,
	defaultOn = true,
): IDataObject | IDataObject[] {
	const on = ctx.getNodeParameter('simplify', i, defaultOn) as boolean;
	if (Array.isArray(records)) return on ? records.map(simplify) : (records as IDataObject[]);
	return on ? simplify(records) : (records as IDataObject);
}

/** Extra keys of a field built by the builders below (placeholder, description, required...). */
type FieldExtra = Omit<Partial<INodeProperties>, 'displayName' | 'name' | 'type'>;

/** A text field (empty by default). */
export function stringField(
	displayName: string,
	name: string,
	extra: FieldExtra = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

/** A dropdown of `[name, value]` choices, in the order given. */
export function choiceField(
	displayName: string,
	name: string,
	choices: ReadonlyArray<readonly [string, string]>,
	defaultValue: string,
	extra: FieldExtra = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: choices.map(([choice, value]) => ({ name: choice, value })),
		default: defaultValue,
		...extra,
	};
}

/**
 * A list of entries the user adds one by one (a fixedCollection with multiple values): `item`
 * names one entry ([display name, name]), `values` its fields; the placeholder is "Add <item>".
 */
export function repeatableField(
	displayName: string,
	name: string,
	item: readonly [string, string],
	values: INodeProperties[],
	extra: FieldExtra = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${item[0]}`,
		default: {},
		options: [{ displayName: item[0], name: item[1], values }],
		...extra,
	};
}

/** A collection of optional fields the user adds one by one ("Add Field", "Add Filter"). */
export function collectionField(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
	extra: FieldExtra = {},
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options, ...extra };
}

/** A toggle; `description` starts with "Whether", as the n8n lint asks. */
export function booleanField(
	displayName: string,
	name: string,
	defaultValue: boolean,
	description: string,
	extra: FieldExtra = {},
): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
		...extra,
	};
	return defaultValue ? { ...field, default: true } : field;
}

/**
 * Key/value pairs the user adds one by one ("Custom Fields", placeholder "Add Custom Field"):
 * each entry is `keyField` and a text Value.
 */
export function keyValueField(
	displayName: string,
	name: string,
	keyField: INodeProperties,
	extra: FieldExtra = {},
): INodeProperties {
	return repeatableField(
		displayName,
		name,
		['Field', 'field'],
		[keyField, stringField('Value', 'value')],
		{ placeholder: `Add ${displayName.replace(/s$/, '')}`, ...extra },
	);
}

/** Whether a contact is a person or a company (the API values PERSON and COMPANY). */
export const personOrCompanyField = choiceField(
	'Type',
	'type',
	[
		['Company', 'COMPANY'],
		['Person', 'PERSON'],
	],
	'PERSON',
);
