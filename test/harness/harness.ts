import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core reads its settings folder when first loaded: give it a private temporary one
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'crm-pack-n8n-'));
process.env.N8N_EXPRESSION_ENGINE ??= 'legacy';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
// n8n logs node errors to the console; the tests assert them instead
process.env.N8N_LOG_LEVEL ??= 'silent';

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';

export interface NodeRunSpec {
	/** The node class instance under test. */
	node: INodeType;
	/** Its parameters, as a workflow JSON would hold them (expressions allowed). */
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Credential types the node may use (instances of the credential classes). */
	credentialTypes?: ICredentialType[];
	/** Input items (plain JSON or full items); one empty item by default. */
	input?: Array<IDataObject | INodeExecutionData>;
	/** "On Error: Continue" (continueOnFail). */
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	typeVersion?: number;
}

export interface NodeRunResult {
	/** Output items of the first output. */
	items: INodeExecutionData[];
	/** All outputs. */
	outputs: INodeExecutionData[][];
	/** The error the node failed with, when it did. */
	error?: Error & { description?: string | null; context?: IDataObject; httpCode?: string | null };
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

/** The node's type as n8n names a community node: `<package>.<the description's name>`. */
const nodeTypeName = (node: NodeRunSpec['node']): string =>
	`n8n-nodes-crm-pack.${node.description.name}`;
export const NODE_NAME = 'Node Under Test';

function toItems(input: Array<IDataObject | INodeExecutionData> | undefined): INodeExecutionData[] {
	if (!input) return [{ json: {} }];
	return input.map((entry) =>
		entry && typeof entry === 'object' && 'json' in entry && typeof entry.json === 'object'
			? (entry as INodeExecutionData)
			: { json: entry as IDataObject },
	);
}

/** Everything a run needs: node types, credentials, workflow and n8n's additional data. */
export function buildContext(spec: Omit<NodeRunSpec, 'input'>, staticData?: IDataObject) {
	const nodeTypes = new TestNodeTypes();
	nodeTypes.add(nodeTypeName(spec.node), spec.node);
	const credentialTypes = new Map<string, ICredentialType>();
	for (const type of spec.credentialTypes ?? []) credentialTypes.set(type.name, type);
	const credentialsHelper = new TestCredentialsHelper(credentialTypes);
	const nodeCredentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(spec.credentials ?? {})) {
		credentialsHelper.set(type, data);
		nodeCredentials[type] = { id: `cred-${type}`, name: `${type} (test)` };
	}
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: nodeTypeName(spec.node),
		typeVersion:
			spec.typeVersion ??
			spec.node.description.defaultVersion ??
			(Array.isArray(spec.node.description.version)
				? Math.max(...spec.node.description.version)
				: spec.node.description.version),
		position: [0, 0],
		parameters: spec.parameters,
		credentials: nodeCredentials,
		continueOnFail: spec.continueOnFail,
		onError: spec.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Harness',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		staticData,
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks(spec.mode ?? 'manual', 'exec-1', {
		id: 'test-workflow',
		name: 'Harness',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId: 'exec-1',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { node, workflow, additionalData, credentialsHelper, hooks };
}

/**
 * Runs a node's `execute()` through n8n-core's real execution path (WorkflowExecute):
 * real parameter resolution, real `httpRequestWithAuthentication` with the credential's
 * `authenticate`/`preAuthentication`, real continueOnFail and pairedItem handling.
 */
export async function executeNode(spec: NodeRunSpec): Promise<NodeRunResult> {
	const { node, workflow, additionalData, credentialsHelper, hooks } = buildContext(spec);
	let resolveRun: (run: IRun) => void = () => undefined;
	const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [toItems(spec.input)] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData, spec.mode ?? 'manual', runExecutionData);
	try {
		await execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (e.g. an empty required field)
		return {
			items: [],
			outputs: [],
			error: error as NodeRunResult['error'],
			run: { data: runExecutionData } as IRun,
			credentialsHelper,
		};
	}
	const run = await done;
	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = (task?.data?.main ?? []).map(
		(output: INodeExecutionData[] | null) => output ?? [],
	);
	const error = (task?.error ?? run.data.resultData.error) as NodeRunResult['error'];
	return { items: outputs[0] ?? [], outputs, error, run, credentialsHelper };
}

/** Like executeNode, but throws the node's error, for tests that expect success. */
export async function executeNodeOk(spec: NodeRunSpec): Promise<INodeExecutionData[]> {
	const result = await executeNode(spec);
	if (result.error) throw result.error;
	return result.items;
}

export interface Poller {
	/** One poll, as n8n's scheduler runs it; null when the trigger emitted nothing. */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The workflow's static data, kept across polls as n8n keeps it in memory. */
	staticData: IDataObject;
	/**
	 * What n8n has saved to its database: after a poll, the static data is saved only when n8n
	 * saw it change (its `__dataChanged` flag), as n8n does when a trigger emits or activates.
	 */
	saved(): IDataObject;
	/** n8n restarts: the workflow is loaded again with the static data it had saved. */
	restart(): void;
	credentialsHelper: TestCredentialsHelper;
}

/** Builds a poller for a trigger node; its static data persists across `poll()` calls. */
export function createPoller(spec: Omit<NodeRunSpec, 'input' | 'continueOnFail'>): Poller {
	const type = spec.node;
	if (!type.poll) throw new Error('This node has no poll()');
	let saved: IDataObject = {};
	let context = buildContext(spec, {});
	const poller: Poller = {
		staticData: context.workflow.staticData,
		credentialsHelper: context.credentialsHelper,
		async poll(mode = 'trigger') {
			const { workflow, node, additionalData } = context;
			const pollContext = new PollContext(workflow, node, additionalData, mode, 'activate');
			const result = await type.poll!.call(pollContext);
			const flags = workflow.staticData as IDataObject & { __dataChanged?: boolean };
			if (mode === 'trigger' && flags.__dataChanged === true) {
				saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				flags.__dataChanged = false;
			}
			return result;
		},
		saved: () => saved,
		restart() {
			context = buildContext(spec, JSON.parse(JSON.stringify(saved)) as IDataObject);
			poller.staticData = context.workflow.staticData;
			poller.credentialsHelper = context.credentialsHelper;
		},
	};
	return poller;
}

/** Runs a node's loadOptions or listSearch method through n8n-core's LoadOptionsContext. */
export async function loadOptions(
	spec: Omit<NodeRunSpec, 'input' | 'continueOnFail'>,
	kind: 'loadOptions',
	method: string,
): Promise<INodePropertyOptions[]>;
export async function loadOptions(
	spec: Omit<NodeRunSpec, 'input' | 'continueOnFail'>,
	kind: 'listSearch',
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult>;
export async function loadOptions(
	spec: Omit<NodeRunSpec, 'input' | 'continueOnFail'>,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const { node, workflow, additionalData } = buildContext(spec);
	(additionalData as { currentNodeParameters?: INodeParameters }).currentNodeParameters =
		spec.parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		'',
	) as unknown as ILoadOptionsFunctions;
	const methods = spec.node.methods as
		| Record<
				string,
				Record<string, (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<unknown>>
		  >
		| undefined;
	const fn = methods?.[kind]?.[method];
	if (!fn) throw new Error(`No ${kind} method ${method}`);
	if (kind === 'listSearch')
		return (await fn.call(context, filter, paginationToken)) as INodeListSearchResult;
	return (await fn.call(context)) as INodePropertyOptions[];
}
