import { readFileSync } from 'node:fs';

import {
	AGENT_EXAMPLE,
	AGENT_TOOLS,
	crmAgentScript,
	factsOf,
	recordNamed,
} from '../e2e/lib/agentScript';
import {
	MODEL_ID,
	startOpenAiServer,
	type ChatMessage,
	type ChatTool,
	type OpenAiServer,
} from '../e2e/lib/openaiServer';

/**
 * The local OpenAI-compatible server and the scripted model of the agent example, without n8n:
 * the tools are built from the example's tool nodes the way n8n offers them (a name from the
 * node name, the description, a JSON schema of the `$fromAI()` keys).
 */

const example = JSON.parse(readFileSync(AGENT_EXAMPLE, 'utf8')) as {
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
};
const tools: ChatTool[] = example.nodes
	.filter((n) => n.type.endsWith('Tool'))
	.map((n) => ({
		type: 'function',
		function: {
			name: n.name.replace(/[^a-zA-Z0-9_-]+/g, '_'),
			description: String(n.parameters.toolDescription),
			parameters: {
				type: 'object',
				properties: Object.fromEntries(
					[...JSON.stringify(n.parameters).matchAll(/\$fromAI\('(\w+)'/g)].map((m) => [
						m[1],
						{ type: 'string' },
					]),
				),
			},
		},
	}));

let server: OpenAiServer;
beforeAll(async () => {
	server = await startOpenAiServer(crmAgentScript);
});
afterAll(async () => await server.stop());
beforeEach(() => server.setScript(crmAgentScript));

async function complete(messages: ChatMessage[], stream = false) {
	const reply = await fetch(`${server.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
		body: JSON.stringify({ model: MODEL_ID, messages, tools, stream }),
	});
	return {
		status: reply.status,
		type: reply.headers.get('content-type'),
		text: await reply.text(),
	};
}

const RESULTS: Record<string, string> = {
	[AGENT_TOOLS.findContacts]: JSON.stringify([
		{ id: 'c-9', name: 'Grace Hopper', email: 'g@example.com' },
		{ id: 'c-1', name: 'Ada Lovelace', email: 'ada@example.com' },
	]),
	[AGENT_TOOLS.createActivity]: JSON.stringify([{ id: 'act-77', name: 'Follow up' }]),
	[AGENT_TOOLS.upsertCentrixOne]: JSON.stringify([{ idc: 501, ExternalID: 'crmcom-c-1' }]),
	[AGENT_TOOLS.upsertCention]: JSON.stringify([{ c3_id: 31, id: 31 }]),
	[AGENT_TOOLS.lighteningContacts]: JSON.stringify([{ id: 'L1', name: 'Pat Doe' }]),
	[AGENT_TOOLS.legacyPending]: JSON.stringify([{ id: 'PR000001', state: 'PENDING' }]),
};

/** Plays the conversation the way an agent does: each tool call answered with its result. */
async function converse(
	stream: boolean,
): Promise<{ calls: Array<{ name: string; args: Record<string, unknown> }>; answer: string }> {
	const messages: ChatMessage[] = [{ role: 'user', content: 'Do the CRM work' }];
	const calls: Array<{ name: string; args: Record<string, unknown> }> = [];
	for (let turn = 0; turn < 10; turn++) {
		const reply = await complete(messages, stream);
		expect(reply.status).toBe(200);
		let message: {
			content: string | null;
			tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
		};
		if (stream) {
			expect(reply.type).toContain('text/event-stream');
			const events = reply.text
				.split('\n\n')
				.filter((e) => e.startsWith('data: '))
				.map((e) => e.slice(6));
			expect(events[events.length - 1]).toBe('[DONE]');
			const chunks = events.slice(0, -1).map(
				(e) =>
					JSON.parse(e) as {
						choices: Array<{
							delta: {
								content?: string;
								tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
							};
						}>;
					},
			);
			const deltas = chunks.flatMap((c) => c.choices.map((ch) => ch.delta));
			const toolCalls = deltas.flatMap((d) => d.tool_calls ?? []);
			message = {
				content: deltas.map((d) => d.content ?? '').join(''),
				tool_calls: toolCalls.length ? toolCalls : undefined,
			};
		} else {
			expect(reply.type).toContain('application/json');
			message = (JSON.parse(reply.text) as { choices: Array<{ message: typeof message }> })
				.choices[0].message;
		}
		if (!message.tool_calls) return { calls, answer: message.content ?? '' };
		messages.push({
			role: 'assistant',
			content: null,
			tool_calls: message.tool_calls.map((c) => ({ ...c, type: 'function' })),
		});
		for (const call of message.tool_calls) {
			const tool = tools.find((t) => t.function.name === call.function.name);
			calls.push({
				name: call.function.name,
				args: JSON.parse(call.function.arguments) as Record<string, unknown>,
			});
			const marker = Object.values(AGENT_TOOLS).find((m) =>
				tool?.function.description?.startsWith(m),
			);
			messages.push({ role: 'tool', tool_call_id: call.id, content: RESULTS[String(marker)] });
		}
	}
	throw new Error('no answer in 10 turns');
}

it('lists its model for the editor', async () => {
	const reply = (await (await fetch(`${server.baseUrl}/models`)).json()) as {
		data: Array<{ id: string }>;
	};
	expect(reply.data.map((m) => m.id)).toEqual([MODEL_ID]);
});

it.each([false, true])(
	'plays the plan with the tool names it is offered (stream %s), then answers from the results',
	async (stream) => {
		const { calls, answer } = await converse(stream);
		expect(calls.map((c) => c.name)).toEqual([
			'Find_CRM_COM_contacts',
			'Create_CRM_COM_activity',
			'Upsert_CentrixOne_contact',
			'Upsert_Cention_contact_card',
			'Lightening_contacts',
			'Pending_provisioning_requests',
		]);
		expect(calls[0].args).toEqual({ search: 'Ada', limit: 5 });
		// the contact ID comes from the first tool's result, not from the script
		expect(calls[1].args).toMatchObject({ contactId: 'c-1', name: 'Follow up with Ada Lovelace' });
		expect(calls[2].args).toEqual({
			externalId: 'crmcom-c-1',
			fullName: 'Ada Lovelace',
			email: 'ada@example.com',
		});
		for (const fact of ['c-1', 'act-77', 'idc 501', 'crmcom-c-1', 'c3_id 31', 'Pat Doe', 'PR000001'])
			expect(answer).toContain(fact);
		expect(server.requests).toHaveLength(7);
		expect(server.authorizations.every((a) => a === 'Bearer sk-test')).toBe(true);
	},
);

it('refuses (400) a tool that lacks an argument the plan needs, naming it', async () => {
	const broken = tools.map((t) =>
		t.function.name === 'Find_CRM_COM_contacts'
			? {
					...t,
					function: { ...t.function, parameters: { type: 'object', properties: { limit: {} } } },
				}
			: t,
	);
	const reply = await fetch(`${server.baseUrl}/chat/completions`, {
		method: 'POST',
		body: JSON.stringify({
			model: MODEL_ID,
			messages: [{ role: 'user', content: 'x' }],
			tools: broken,
		}),
	});
	expect(reply.status).toBe(400);
	expect(await reply.text()).toContain('takes limit, not search');
});

it('finds records and facts in tool results, also inside n8n-style wrapped JSON text', () => {
	const wrapped = JSON.stringify({
		response: JSON.stringify([{ id: 7, first_name: 'Ada', last_name: 'L' }]),
	});
	expect(recordNamed(wrapped, 'Ada')).toEqual({ id: '7', name: 'Ada L', email: undefined });
	expect(recordNamed('not json', 'Ada')).toBeUndefined();
	expect(factsOf('[{"id":"x","name":"Y"},{"other":1}]')).toEqual(['id x, name Y']);
});

it('answers 404 off its two routes', async () => {
	expect((await fetch(`${server.baseUrl}/responses`, { method: 'POST', body: '{}' })).status).toBe(
		404,
	);
});
