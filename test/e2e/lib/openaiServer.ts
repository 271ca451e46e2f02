/**
 * A small OpenAI-compatible model server for the agent e2e test and the demo: n8n's OpenAI Chat
 * Model node is pointed at it through its credential's Base URL. It speaks what that node uses:
 * `POST /v1/chat/completions` (plain JSON, or server-sent events when the request asks to
 * `stream`), and `GET /v1/models` (the node's model list in the editor). It listens on
 * 127.0.0.1 only and records every chat request it received, so that a test can check what n8n
 * sent (the tools it offered, the tool results of each turn).
 *
 * What the "model" answers is a script: a function of the request (its messages and tools) that
 * returns either tool calls (by the tool names n8n sent in `tools`) or a final text.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One function tool as n8n offers it in `tools`. */
export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: JsonSchemaObject };
}

export interface JsonSchemaObject {
	type?: string;
	properties?: Record<string, unknown>;
	required?: string[];
}

export interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

/** What the scripted model says next: tool calls, or its final answer. */
export type ModelReply =
	| { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> }
	| { content: string };

export type ModelScript = (request: ChatRequest) => ModelReply;

export interface OpenAiServer {
	/** `http://127.0.0.1:<port>/v1`: the Base URL for n8n's OpenAI credential. */
	baseUrl: string;
	/** Every chat request received, in order. */
	requests: ChatRequest[];
	/** Replies sent, in order (parallel to `requests`; a failed script leaves an `error`). */
	replies: Array<ModelReply | { error: string }>;
	/** The API key each chat request carried (to prove the credential was used). */
	authorizations: string[];
	/** Replaces the script (and clears the records). */
	setScript(script: ModelScript): void;
	stop(): Promise<void>;
}

export const MODEL_ID = 'crm-pack-scripted-model';

/** The API key of the local model's credential: not a secret, the server only checks it is sent. */
export const MODEL_API_KEY = 'sk-local-crm-pack-model';

/** n8n's OpenAI credential pointed at a local model server (`baseUrl` ends in /v1). */
export function modelCredential(baseUrl: string): {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
} {
	return {
		id: 'openAiLocalModel',
		name: 'OpenAI-compatible model (local)',
		type: 'openAiApi',
		data: { apiKey: MODEL_API_KEY, url: baseUrl },
	};
}

/** The text of a message's content (a string, or OpenAI's content parts). */
export function textOf(message: ChatMessage): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool whose description contains `marker` (n8n names tools itself: find them by what they say). */
export function toolByDescription(request: ChatRequest, marker: string): ChatTool {
	const tool = (request.tools ?? []).find((t) => (t.function.description ?? '').includes(marker));
	if (!tool)
		throw new Error(
			`no tool described with "${marker}" among ${(request.tools ?? []).map((t) => t.function.name).join(', ') || 'none'}`,
		);
	return tool;
}

const MAX_BODY = 8 * 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY) throw new Error('request body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

let callCounter = 0;

function completionMessage(reply: ModelReply): {
	message: { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] };
	finish: 'tool_calls' | 'stop';
} {
	if ('content' in reply)
		return { message: { role: 'assistant', content: reply.content }, finish: 'stop' };
	const toolCalls = reply.toolCalls.map(
		(call): ToolCall => ({
			id: `call_${++callCounter}`,
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		}),
	);
	return {
		message: { role: 'assistant', content: null, tool_calls: toolCalls },
		finish: 'tool_calls',
	};
}

const USAGE = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** The reply as server-sent chunks, the way OpenAI streams a chat completion. */
function sendStream(
	res: http.ServerResponse,
	request: ChatRequest,
	id: string,
	created: number,
	reply: ReturnType<typeof completionMessage>,
): void {
	res.writeHead(200, {
		'Content-Type': 'text/event-stream',
		'Cache-Control': 'no-cache',
		Connection: 'close',
	});
	const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
		res.write(
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices, ...extra })}\n\n`,
		);
	const { message, finish } = reply;
	chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
	if (message.tool_calls) {
		message.tool_calls.forEach((call, index) =>
			chunk([
				{
					index: 0,
					delta: {
						tool_calls: [
							{
								index,
								id: call.id,
								type: 'function',
								function: { name: call.function.name, arguments: call.function.arguments },
							},
						],
					},
					finish_reason: null,
				},
			]),
		);
	} else {
		// the text in a few pieces, as a model streams it
		const text = message.content ?? '';
		const step = Math.max(1, Math.ceil(text.length / 4));
		for (let k = 0; k < text.length; k += step)
			chunk([{ index: 0, delta: { content: text.slice(k, k + step) }, finish_reason: null }]);
	}
	chunk([{ index: 0, delta: {}, finish_reason: finish }]);
	if (request.stream_options?.include_usage) chunk([], { usage: USAGE });
	res.end('data: [DONE]\n\n');
}

/** Starts the server on 127.0.0.1 (`port` 0: any free port). */
export async function startOpenAiServer(script: ModelScript, port = 0): Promise<OpenAiServer> {
	let current = script;
	const state: Pick<OpenAiServer, 'requests' | 'replies' | 'authorizations'> = {
		requests: [],
		replies: [],
		authorizations: [],
	};
	const server = http.createServer((req, res) => {
		const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
		void (async () => {
			try {
				if (req.method === 'GET' && path.endsWith('/models')) {
					sendJson(res, 200, {
						object: 'list',
						data: [{ id: MODEL_ID, object: 'model', created: 1764547200, owned_by: 'crm-pack' }],
					});
					return;
				}
				if (req.method === 'POST' && path.endsWith('/chat/completions')) {
					const request = JSON.parse(await readBody(req)) as ChatRequest;
					state.requests.push(request);
					state.authorizations.push(String(req.headers.authorization ?? ''));
					let reply: ModelReply;
					try {
						reply = current(request);
					} catch (error) {
						const message = (error as Error).message;
						state.replies.push({ error: message });
						sendJson(res, 400, {
							error: { message: `scripted model: ${message}`, type: 'invalid_request_error' },
						});
						return;
					}
					state.replies.push(reply);
					const id = `chatcmpl-${state.requests.length}`;
					const created = Math.floor(Date.now() / 1000);
					const answer = completionMessage(reply);
					if (request.stream) {
						sendStream(res, request, id, created, answer);
						return;
					}
					sendJson(res, 200, {
						id,
						object: 'chat.completion',
						created,
						model: request.model,
						choices: [
							{ index: 0, message: answer.message, logprobs: null, finish_reason: answer.finish },
						],
						usage: USAGE,
					});
					return;
				}
				sendJson(res, 404, {
					error: { message: `${req.method} ${path} is not served here`, type: 'not_found' },
				});
			} catch (error) {
				if (!res.headersSent)
					sendJson(res, 500, { error: { message: (error as Error).message, type: 'server' } });
				else res.end();
			}
		})();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const { port: bound } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${bound}/v1`,
		...state,
		setScript(next: ModelScript) {
			current = next;
			state.requests.length = 0;
			state.replies.length = 0;
			state.authorizations.length = 0;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
