import type { INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { updateDisplayOptions } from './descriptions';
import type { OperationModule } from './router';

/** What an operation's `execute` gives for item i: its output items (see `toItems`). */
export type OperationItems = Promise<INodeExecutionData[]>;

/** An operation's entry in its resource's Operation dropdown. */
export interface OperationOption {
	/** The operation value, equal to the operation file's name. */
	value: string;
	/** Title Case name shown in the dropdown. */
	name: string;
	/** Sentence-case action shown in the node list, e.g. "Get many contacts". */
	action: string;
	description?: string;
}

/**
 * One operation file: its dropdown entry, its fields (shown under its resource and operation
 * by `defineResource`) and its execute.
 */
export interface DeclaredOperation extends OperationModule {
	option: OperationOption;
}

/** The operations of a declared resource, by operation value. */
export type OperationsOf<R extends { operations: object }> = keyof R['operations'];

/** The operations of each resource of a node, from its dispatch maps (see `dispatchMaps`). */
export type NodeMapOf<M extends Record<string, object>> = { [R in keyof M]: keyof M[R] };

export interface DeclaredResource<Op extends string> {
	/** The resource's entry in the node's Resource dropdown. */
	option: INodePropertyOptions & { value: string };
	/** The Operation dropdown of the resource, then each operation's fields. */
	description: INodeProperties[];
	/** The dispatch map the router hands to `route`. */
	operations: Record<Op, OperationModule>;
}

/**
 * A resource's Operation dropdown (sorted by name), its descriptions and its dispatch map,
 * from the list of its operation modules. Adding an operation = one new file + one line in the
 * list. Throws at load time on two operations with one value. `name` is the resource's entry in
 * the Resource dropdown ("contactInformation" → "Contact Information" unless given).
 */
export function defineResource<const M extends readonly DeclaredOperation[]>(
	resource: string,
	modules: M,
	defaultOperation: M[number]['option']['value'],
	name = resource.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
): DeclaredResource<M[number]['option']['value']> {
	const operations: Record<string, OperationModule> = {};
	for (const module of modules) {
		if (operations[module.option.value])
			throw new Error(`Resource "${resource}" declares "${module.option.value}" twice`);
		operations[module.option.value] = module;
	}
	const options: INodePropertyOptions[] = modules
		.map(({ option }) => ({
			name: option.name,
			value: option.value,
			action: option.action,
			...(option.description ? { description: option.description } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		option: { name, value: resource },
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [resource] } },
				options,
				default: defaultOperation,
			},
			...modules.flatMap((module) =>
				updateDisplayOptions(
					{ show: { resource: [resource], operation: [module.option.value] } },
					module.description,
				),
			),
		],
		operations: operations as Record<M[number]['option']['value'], OperationModule>,
	};
}

/** The Resource dropdown (options sorted by name). */
export function resourceProperty(
	options: INodePropertyOptions[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultResource,
	};
}

/**
 * A node's Resource dropdown (sorted by name) with `defaultResource` selected, then each
 * resource's Operation dropdown and fields, in the order given.
 */
export function resourceProperties(
	resources: ReadonlyArray<Pick<DeclaredResource<string>, 'option' | 'description'>>,
	defaultResource: string,
): INodeProperties[] {
	return [
		resourceProperty(
			resources.map((r) => r.option),
			defaultResource,
		),
		...resources.flatMap((r) => r.description),
	];
}

/** The router's dispatch maps from the resource modules: each resource to its `operations`. */
export function dispatchMaps<
	M extends Record<string, Pick<DeclaredResource<string>, 'operations'>>,
>(modules: M): { [R in keyof M]: M[R]['operations'] } {
	return Object.fromEntries(
		Object.entries(modules).map(([resource, module]) => [resource, module.operations]),
	) as { [R in keyof M]: M[R]['operations'] };
}

/** The dropdown names of the operations every CRM has, by operation value. */
const CRUD_NAMES = {
	create: 'Create',
	delete: 'Delete',
	get: 'Get',
	getAll: 'Get Many',
	update: 'Update',
	upsert: 'Create or Update',
} as const;

export type CrudOperation = keyof typeof CRUD_NAMES;

const UPSERT_DESCRIPTION =
	'Create a new record, or update the current one if it already exists (upsert)';

/** An operation's dropdown entry, with its value kept as a literal type for the dispatch map. */
export function operationOption<const V extends string>(
	value: V,
	name: string,
	action: string,
	description?: string,
): OperationOption & { value: V } {
	return { value, name, action, ...(description ? { description } : {}) };
}

/**
 * The dropdown entry of a common operation, named as across the pack: `noun` is the record
 * ("contact", "activity"), plural for getAll ("contacts"). The action reads "Get a contact",
 * "Get many contacts", "Create or update an activity"; `extra` overrides it or adds a description
 * (upsert has the shared one by default).
 */
export function crudOption<const V extends CrudOperation>(
	value: V,
	noun: string,
	extra: { action?: string; description?: string } = {},
): OperationOption & { value: V } {
	const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
	const action =
		value === 'getAll'
			? `Get many ${noun}`
			: `${value === 'upsert' ? 'Create or update' : CRUD_NAMES[value]} ${article} ${noun}`;
	return operationOption(
		value,
		CRUD_NAMES[value],
		extra.action ?? action,
		extra.description ?? (value === 'upsert' ? UPSERT_DESCRIPTION : undefined),
	);
}
