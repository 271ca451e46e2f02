import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * One record-id picker, shared by every node: From List (with search) where the API can list
 * the records, By ID, and By URL where the CRM has record URLs. The value is read with
 * `idParameter` (nodes/shared/parameters.ts), which also accepts the plain string an older
 * workflow stored before the parameter became a locator.
 */
export interface RecordLocatorSpec {
	/**
	 * The node's own name (its description's `name`, e.g. `lightening`): a locator's rules apply
	 * to that node's parameter only, never to a parameter of the same name in another node.
	 */
	node: string;
	/** The parameter name (unchanged from the plain-text parameter it replaces). */
	name: string;
	/** What the record is called in the panel and in errors, e.g. "Insight". */
	displayName: string;
	/** listSearch method of the node; omitted when the API cannot list these records. */
	searchListMethod?: string;
	/** Whether the list method filters by the typed text. */
	searchable?: boolean;
	/** Pattern (without anchors) an id must match in By ID and By URL. */
	idPattern: string;
	idPlaceholder: string;
	/** Path segment of the record URL (`…/<urlPath>/<id>`), when the CRM has record URLs. */
	urlPath?: string;
	urlPlaceholder?: string;
	description?: string;
	required?: boolean;
	displayOptions?: INodeProperties['displayOptions'];
}

/**
 * Why the modes carry no `validation` and no `extractValue` regex: n8n runs both through its
 * safe-regex engine, a `node:vm` script with a 250 ms wall-clock watchdog, and it checks every
 * node's resource-locator validations at the start of each execution. On a busy n8n (a queue
 * worker sharing its cores) that watchdog fires on a one-line pattern and the whole execution
 * fails with "Regular expression execution timed out" before the node runs (seen in the
 * scale-out test). The pack checks and extracts the id itself, with the same rules, in
 * `locatorId` below: a bad id still fails before any request, naming the field.
 */
interface RegisteredLocator {
	spec: RecordLocatorSpec;
	/** The whole id, as By ID takes it. */
	id: RegExp;
	/** A record URL, its id captured; only where the CRM has record URLs. */
	url?: RegExp;
}

/**
 * The locators by node and parameter name (`<node>:<name>`), their patterns compiled once when
 * the node is loaded. One node may hold several locators of one name (one per resource).
 */
const LOCATORS = new Map<string, RegisteredLocator[]>();

const locatorKey = (node: string, name: string): string => `${node}:${name}`;

/**
 * The locators of parameter `name` in the node of type `nodeType` (n8n's node type, e.g.
 * `n8n-nodes-crm-pack.lightening`: the part after the last dot is the node's name).
 */
function locatorsOf(nodeType: string, name: string): RegisteredLocator[] {
	return LOCATORS.get(locatorKey(nodeType.slice(nodeType.lastIndexOf('.') + 1), name)) ?? [];
}

export function recordLocator(spec: RecordLocatorSpec): INodeProperties {
	const key = locatorKey(spec.node, spec.name);
	LOCATORS.set(key, [
		...(LOCATORS.get(key) ?? []),
		{
			spec,
			id: new RegExp(`^(?:${spec.idPattern})$`),
			...(spec.urlPath
				? { url: new RegExp(`^https?://.+/${spec.urlPath}/(${spec.idPattern})(?:[/?#]|$)`) }
				: {}),
		},
	]);
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: spec.searchListMethod ? 'list' : 'id', value: '' },
		required: spec.required ?? true,
		...(spec.description ? { description: spec.description } : {}),
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		modes: [
			...(spec.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: {
								searchListMethod: spec.searchListMethod,
								searchable: spec.searchable ?? true,
							},
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
			},
			...(spec.urlPath
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: spec.urlPlaceholder ?? `https://…/${spec.urlPath}/${spec.idPlaceholder}`,
						},
					]
				: []),
		],
	};
}

/** Whether a stored locator value (or plain parameter) is an expression (`={{ … }}`). */
function isExpression(stored: unknown): boolean {
	const value =
		typeof stored === 'object' && stored !== null ? (stored as IDataObject).value : stored;
	return typeof value === 'string' && value.startsWith('=');
}

/**
 * What a locator parameter `name` of the node of type `nodeType` holds (`raw`, resolved;
 * `stored`, as saved in the workflow): the id it names, or what is wrong with it, by that node's
 * rules for `name`.
 */
export function locatorId(
	nodeType: string,
	name: string,
	raw: unknown,
	stored?: unknown,
): { id: unknown } | { problem: string } {
	if (typeof raw !== 'object' || raw === null || !('mode' in raw)) return { id: raw };
	const { mode, value } = raw as IDataObject;
	const locators = locatorsOf(nodeType, name);
	const text = value === null || value === undefined ? '' : String(value).trim();
	if (text === '' || locators.length === 0) return { id: value };
	const entity = locators[0].spec.displayName.toLowerCase();
	if (mode === 'url') {
		for (const { url } of locators) {
			const found = url?.exec(text);
			if (found) return { id: found[1] };
		}
		const paths = locators.flatMap(({ spec }) => (spec.urlPath ? [`…/${spec.urlPath}/<id>`] : []));
		if (paths.length === 0) return { problem: 'cannot be a URL here: use By ID' };
		return { problem: `must be a URL ending in ${paths.join(' or ')}` };
	}
	// as n8n's own validation did: a typed id is checked, an expression's result is taken as it is
	// (it is still sent as one encoded path segment)
	if (mode === 'id' && !isExpression(stored) && !locators.some(({ id }) => id.test(text)))
		return { problem: `is not a valid ${entity} ID` };
	return { id: text };
}
