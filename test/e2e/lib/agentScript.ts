/**
 * The scripted "model" behind the agent example (examples/agent/crm-pack-ai-agent.json), used by
 * the agent e2e test and by `npm start`. It plays what a model would do with the task of that
 * example: one tool call per turn, each to a tool of the pack found by its description (n8n names
 * the tools itself; the names are read from the request's `tools`), each call's arguments built
 * from the tool results received so far, and at the end an answer written from those results.
 */
import path from 'node:path';

import {
	textOf,
	toolByDescription,
	type ChatRequest,
	type ChatTool,
	type ModelReply,
} from './openaiServer';

/** The agent example the script plays (imported by `npm start` and the agent e2e test). */
export const AGENT_EXAMPLE = path.resolve(
	__dirname,
	'../../../examples/agent/crm-pack-ai-agent.json',
);

/** The tools of the example, by a text their description starts with. */
export const AGENT_TOOLS = {
	findContacts: 'Find CRM.COM contacts',
	createActivity: 'Create a CRM.COM activity',
	upsertCentrixOne: 'Create or update a CentrixOne contact',
	upsertCention: 'Create or update a Cention contact card',
	lighteningContacts: 'List the contacts of Lightening customers',
	legacyPending: 'List pending CRM.COM Legacy provisioning requests',
} as const;

export type AgentTool = keyof typeof AGENT_TOOLS;

/** The person the script looks for in CRM.COM, and the fixed inputs of the other calls. */
export const AGENT_INPUTS = {
	search: 'Ada',
	activityType: 'type-call',
	scheduledFrom: '2026-12-02T09:00:00Z',
	lighteningCustomer: '1',
	legacyProvider: 'GP1',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A tool result's content as JSON (n8n sends the tool's output items as a JSON text). */
export function parseToolContent(content: string): Json {
	try {
		return JSON.parse(content) as Json;
	} catch {
		return content;
	}
}

/** Every object inside `value` (depth first, parsing JSON held in strings). */
function objectsIn(value: Json, into: Array<Record<string, Json>> = [], depth = 0): typeof into {
	if (depth > 12) return into;
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed.startsWith('{') || trimmed.startsWith('['))
			objectsIn(parseToolContent(trimmed), into, depth + 1);
	} else if (Array.isArray(value)) {
		for (const entry of value) objectsIn(entry, into, depth + 1);
	} else if (value && typeof value === 'object') {
		into.push(value);
		for (const entry of Object.values(value)) objectsIn(entry, into, depth + 1);
	}
	return into;
}

/** A tool call the model made earlier in the conversation, with the result it received. */
export interface ToolTurn {
	tool: AgentTool;
	name: string;
	arguments: Record<string, unknown>;
	result: string;
}

/** The tool calls of the conversation so far (assistant calls paired with their tool messages). */
export function toolTurns(request: ChatRequest): ToolTurn[] {
	const results = new Map<string, string>();
	for (const message of request.messages)
		if (message.role === 'tool' && message.tool_call_id)
			results.set(message.tool_call_id, textOf(message));
	const byName = new Map<string, AgentTool>();
	for (const key of Object.keys(AGENT_TOOLS) as AgentTool[]) {
		const tool = (request.tools ?? []).find((t) =>
			(t.function.description ?? '').includes(AGENT_TOOLS[key]),
		);
		if (tool) byName.set(tool.function.name, key);
	}
	const turns: ToolTurn[] = [];
	for (const message of request.messages) {
		for (const call of message.role === 'assistant' ? (message.tool_calls ?? []) : []) {
			const tool = byName.get(call.function.name);
			if (!tool) throw new Error(`the conversation calls an unknown tool ${call.function.name}`);
			turns.push({
				tool,
				name: call.function.name,
				arguments: JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
				result: results.get(call.id) ?? '',
			});
		}
	}
	return turns;
}

/** The first record in a tool result whose name holds `text`: `{ id, name, email }`. */
export function recordNamed(
	result: string,
	text: string,
): { id: string; name: string; email?: string } | undefined {
	for (const record of objectsIn(parseToolContent(result))) {
		const name = [record.name, record.first_name, record.last_name]
			.filter((v) => typeof v === 'string')
			.join(' ');
		if (record.id !== undefined && record.id !== null && name.includes(text))
			return {
				id: String(record.id),
				name: typeof record.name === 'string' ? record.name : name,
				email: typeof record.email === 'string' ? record.email : undefined,
			};
	}
	return undefined;
}

const FACT_KEYS = [
	'id',
	'idc',
	'c3_id',
	'ExternalID',
	'name',
	'FullName',
	'number',
	'email',
	'state',
];

/** The identifying facts of a tool result (ids, names, numbers), for the final answer. */
export function factsOf(result: string): string[] {
	const facts: string[] = [];
	for (const record of objectsIn(parseToolContent(result))) {
		const parts = FACT_KEYS.filter(
			(key) => typeof record[key] === 'string' || typeof record[key] === 'number',
		).map((key) => `${key} ${String(record[key])}`);
		if (parts.length) facts.push(parts.join(', '));
	}
	return [...new Set(facts)];
}

/** Checks the arguments against the tool's JSON schema keys: a real model only fills those. */
function call(
	tool: ChatTool,
	args: Record<string, unknown>,
): { name: string; arguments: Record<string, unknown> } {
	const known = Object.keys(tool.function.parameters?.properties ?? {});
	const unknown = Object.keys(args).filter((key) => !known.includes(key));
	if (unknown.length)
		throw new Error(
			`tool ${tool.function.name} takes ${known.join(', ') || 'no arguments'}, not ${unknown.join(', ')}`,
		);
	return { name: tool.function.name, arguments: args };
}

/** The scripted model: the next tool call of the plan, or the answer once every call returned. */
export function crmAgentScript(request: ChatRequest): ModelReply {
	const turns = toolTurns(request);
	const tool = (key: AgentTool) => toolByDescription(request, AGENT_TOOLS[key]);
	const found = turns.find((t) => t.tool === 'findContacts');
	const ada = found ? recordNamed(found.result, AGENT_INPUTS.search) : undefined;
	if (found && !ada)
		return { content: `CRM.COM has no contact named ${AGENT_INPUTS.search}: ${found.result}` };
	const plan: Array<() => ReturnType<typeof call>> = [
		() => call(tool('findContacts'), { search: AGENT_INPUTS.search, limit: 5 }),
		() =>
			call(tool('createActivity'), {
				contactId: ada?.id,
				name: `Follow up with ${ada?.name}`,
				typeId: AGENT_INPUTS.activityType,
				scheduledFrom: AGENT_INPUTS.scheduledFrom,
			}),
		() =>
			call(tool('upsertCentrixOne'), {
				externalId: `crmcom-${ada?.id}`,
				fullName: ada?.name,
				email: ada?.email ?? '',
			}),
		() =>
			call(tool('upsertCention'), {
				name: ada?.name,
				email: ada?.email ?? '',
			}),
		() => call(tool('lighteningContacts'), { customerIds: AGENT_INPUTS.lighteningCustomer }),
		() => call(tool('legacyPending'), { provider: AGENT_INPUTS.legacyProvider }),
	];
	if (turns.length < plan.length) return { toolCalls: [plan[turns.length]()] };
	const lines = turns.map(
		(turn) =>
			`- ${AGENT_TOOLS[turn.tool]}: ${factsOf(turn.result).slice(0, 50).join('; ') || turn.result.slice(0, 300)}`,
	);
	return {
		content: `Done. Ada is ${ada?.name} (CRM.COM id ${ada?.id}). What each tool returned:\n${lines.join('\n')}`,
	};
}
