import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { mapSettled, type Settled } from './concurrency';

/** One operation file: its fields, and either a per-item or an all-items execute. */
export interface OperationModule {
	description: INodeProperties[];
	/** Handles item `i`; the router owns the loop, continueOnFail and pairedItem. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * Run `execute` for several items at once, up to the Options → Concurrency of the first
	 * item (default `DEFAULT_ITEM_CONCURRENCY`); output keeps input order.
	 */
	concurrent?: boolean;
	/** Handles all items at once (batched or concurrent writes): one result per input item. */
	executeAll?(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<Array<Settled<INodeExecutionData[]>>>;
}

export const DEFAULT_ITEM_CONCURRENCY = 4;

export type ResourceMap = Record<string, Record<string, OperationModule>>;

/** The JSON of an error item under "Continue (using error output)" / continueOnFail. */
export function errorJson(error: unknown): IDataObject {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const json: IDataObject = { error: error.message };
		if (error.description) json.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
		return json;
	}
	return { error: error instanceof Error ? error.message : String(error) };
}

function withItemIndex(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

function paired(output: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return output.map((entry) => ({ ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }));
}

/**
 * Dispatches to `<resource>[operation]`, loops over items in one place, honours
 * continueOnFail per item and sets `pairedItem` on every output item.
 */
export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	const out: INodeExecutionData[] = [];

	const execute = module.execute;
	let executeAll = module.executeAll;
	if (!executeAll && module.concurrent && execute && items.length > 1) {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const width =
			typeof options.concurrency === 'number' ? options.concurrency : DEFAULT_ITEM_CONCURRENCY;
		// without continueOnFail the node stops at a failure: start no new item after one
		const stopOnError = !this.continueOnFail();
		executeAll = async function (this: IExecuteFunctions, all: INodeExecutionData[]) {
			return await mapSettled(all, width, async (_item, i) => await execute.call(this, i), {
				stopOnError,
				context: this,
			});
		};
	}

	if (executeAll) {
		const results = await executeAll.call(this, items);
		for (const [i, result] of results.entries()) {
			if (result.ok) {
				out.push(...paired(result.value, i));
			} else if (this.continueOnFail()) {
				out.push({ json: errorJson(result.error), pairedItem: { item: i } });
			} else {
				throw withItemIndex(this, result.error, i);
			}
		}
		return [out];
	}

	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" has no handler`);
	}
	for (let i = 0; i < items.length; i++) {
		try {
			out.push(...paired(await execute.call(this, i), i));
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: errorJson(error), pairedItem: { item: i } });
				continue;
			}
			throw withItemIndex(this, error, i);
		}
	}
	return [out];
}

/** Wraps reply records as output items of item `i`. */
export function toItems(
	records: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	const list = Array.isArray(records) ? records : [records];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
