import type { INodeProperties } from 'n8n-workflow';

/**
 * One record-id picker, shared by every node: From List (with search) where the API can list
 * the records, By ID, and By URL where the CRM has record URLs. The value is read with
 * `idParameter` (nodes/shared/parameters.ts), which also accepts the plain string an older
 * workflow stored before the parameter became a locator.
 */
export interface RecordLocatorSpec {
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

export function recordLocator(spec: RecordLocatorSpec): INodeProperties {
	const entity = spec.displayName.toLowerCase();
	const urlRegex = `/${spec.urlPath ?? ''}/(${spec.idPattern})`;
	const urlCheck = `^https?://.+/${spec.urlPath ?? ''}/${spec.idPattern}`;
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
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${spec.idPattern}$`,
							errorMessage: `Not a valid ${entity} ID`,
						},
					},
				],
			},
			...(spec.urlPath
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: spec.urlPlaceholder ?? `https://…/${spec.urlPath}/${spec.idPlaceholder}`,
							extractValue: { type: 'regex' as const, regex: urlRegex },
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: urlCheck, errorMessage: `Not a ${entity} URL` },
								},
							],
						},
					]
				: []),
		],
	};
}
