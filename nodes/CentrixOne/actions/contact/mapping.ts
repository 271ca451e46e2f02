import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { CONTACT_FIELD_NAMES } from './helpers';

export type MappingMode = 'defineBelow' | 'autoMapInputData';

/** "Fields to Send": each field set in the node, or the input item's fields as they are. */
export const mappingModeProperty: INodeProperties = {
	displayName: 'Fields to Send',
	name: 'mappingMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Define Below',
			value: 'defineBelow',
			description: 'Set each field in the node, with expressions where needed',
		},
		{
			name: 'Map Automatically',
			value: 'autoMapInputData',
			description:
				"Send the input item's fields whose names are CentrixOne field names (e.g. ExternalID, FirstName, Email, CC_Region, cs_Status, listId); other fields are ignored",
		},
	],
	default: 'defineBelow',
};

/** Shows these properties only in "Define Below" mode. */
export function definedBelow(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...(property.displayOptions ?? {}),
			show: { ...(property.displayOptions?.show ?? {}), mappingMode: ['defineBelow'] },
		},
	}));
}

/** Custom fields by their API or abbreviated names, and ContactScript fields (`cs_`). */
const CUSTOM = /^(cs_|CC_|AC_|CCS_|ACS_|Contact_Custom_|Account_Custom_)[A-Za-z0-9_]+$/;

/**
 * The node's field collection as "Define Below" would hold it, from an input item: the known
 * contact fields, the list (`listId`, or `ids`), sales reps, and custom / `cs_` fields as
 * "Other Fields". Nested values (objects, arrays) are ignored, as are unknown names.
 */
export function fieldsFromInput(json: IDataObject): IDataObject {
	const fields: IDataObject = {};
	const others: IDataObject[] = [];
	for (const [name, value] of Object.entries(json)) {
		if (value !== null && typeof value === 'object') continue;
		if (CONTACT_FIELD_NAMES.has(name)) fields[name] = value ?? '';
		else if (name === 'listId' || name === 'ids') fields.listId = value ?? '';
		else if (name === 'SalesRep1' || name === 'SalesRep2') fields[name] = value ?? '';
		else if (CUSTOM.test(name)) others.push({ name, value: value ?? '' });
	}
	if (others.length) fields.otherFields = { field: others };
	return fields;
}
