import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startSimulator, type Simulator } from '../simulator/server';
import { CENTION_DEMO, type CentionApi } from '../simulator/apis/cention';
import { CENTRIX_DEMO, type CentrixOneApi } from '../simulator/apis/centrixone';
import { CRMCOM_DEMO, type CrmComBackofficeApi } from '../simulator/apis/crmcomBackoffice';
import { LEGACY_DEMO, type CrmComLegacyApi } from '../simulator/apis/crmcomLegacy';
import { LIGHTENING_DEMO, type LighteningApi } from '../simulator/apis/lightening';
import { freePort } from '../lib/ports';
import { simulatorCredentials } from './credentials';
import {
	AGENT_EXAMPLE,
	AGENT_INPUTS,
	AGENT_TOOLS,
	crmAgentScript,
	toolTurns,
	type AgentTool,
} from './lib/agentScript';
import {
	freshUserFolder,
	importCredentials,
	installLines,
	n8nCli,
	packThePack,
	startN8n,
	type N8nLine,
} from './lib/n8n';
import {
	MODEL_API_KEY,
	modelCredential,
	startOpenAiServer,
	type OpenAiServer,
} from './lib/openaiServer';
import { ensureOwner, type OwnerSession } from './lib/owner';
import { finishedExecution, outputOf, type FinishedExecution } from './lib/rest';

/**
 * The pack's nodes as tools of n8n's AI Agent, inside a real n8n of each line: the agent example
 * (examples/agent/) runs with n8n's OpenAI Chat Model pointed, through its credential's Base
 * URL, at a local OpenAI-compatible server whose scripted model calls one tool per CRM node
 * (arguments filled through `$fromAI()`), then answers from the tool results it received. The
 * run goes through n8n's REST API and its results are read from the stored execution.
 */

const LINE_NAMES = ['2.x', '1.x'];
const lines: N8nLine[] = [];
let tarball = '';
let sim: Simulator;
let model: OpenAiServer;

const example = JSON.parse(readFileSync(AGENT_EXAMPLE, 'utf8')) as {
	id: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
};
const triggerName = example.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
/** Each tool node of the example, by the plan step its description names. */
const toolNode = (tool: AgentTool) =>
	example.nodes.find((n) =>
		String(n.parameters.toolDescription ?? '').startsWith(AGENT_TOOLS[tool]),
	);

beforeAll(
	async () => {
		sim = await startSimulator();
		model = await startOpenAiServer(crmAgentScript);
		lines.push(...(await installLines()));
		tarball = await packThePack();
	},
	45 * 60 * 1000,
);

afterAll(async () => {
	await model?.stop();
	await sim?.stop();
});

async function waitForHealth(
	url: string,
	child: { exitCode: number | null },
	printed: () => string,
) {
	const until = Date.now() + 180_000;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`n8n exited (${child.exitCode}):\n${printed()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`${url} did not answer within 180 s:\n${printed()}`);
}

/**
 * Runs the example from its manual trigger as the editor does (`POST /rest/workflows/:id/run`),
 * then reads the finished execution from n8n's database. n8n 1.x takes the workflow in the
 * request (`workflowData`, as its editor sends it); 2.x reads it from its database.
 */
async function runAgentExample(session: OwnerSession, which: string): Promise<FinishedExecution> {
	const body: Record<string, unknown> = { triggerToStartFrom: { name: triggerName } };
	if (which === '1.x')
		body.workflowData = (
			await session.rest<{ data: Record<string, unknown> }>('GET', `/rest/workflows/${example.id}`)
		).data;
	const started = await session.rest<{ data: { executionId?: string } }>(
		'POST',
		`/rest/workflows/${example.id}/run`,
		body,
	);
	if (!started.data.executionId)
		throw new Error(`n8n did not start the agent example: ${JSON.stringify(started.data)}`);
	return await finishedExecution(session, started.data.executionId, 5 * 60 * 1000);
}

describe.each(LINE_NAMES)('n8n %s: an AI Agent uses the CRM nodes as tools', (which) => {
	let line: N8nLine;
	let userFolder = '';
	let session: OwnerSession;
	let n8n: ReturnType<typeof startN8n> | undefined;
	let printed = '';
	let port = 0;

	beforeAll(
		async () => {
			line = lines[LINE_NAMES.indexOf(which)];
			// the AI nodes ship with n8n in @n8n/n8n-nodes-langchain: both lines have them
			const langchain = path.join(line.dir, 'node_modules', '@n8n', 'n8n-nodes-langchain');
			expect(existsSync(path.join(langchain, 'package.json'))).toBe(true);
			userFolder = await freshUserFolder(tarball);
			await importCredentials(line, userFolder, [
				...simulatorCredentials(sim),
				modelCredential(model.baseUrl),
			]);
			const file = path.join(userFolder, 'agent-workflow.json');
			writeFileSync(file, readFileSync(AGENT_EXAMPLE));
			const imported = await n8nCli(line, userFolder, ['import:workflow', `--input=${file}`]);
			if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
			port = await freePort();
			n8n = startN8n(line, userFolder, port, await freePort());
			const keep = (d: Buffer) => (printed = (printed + d.toString()).slice(-6000));
			n8n.stdout?.on('data', keep);
			n8n.stderr?.on('data', keep);
			await waitForHealth(`http://127.0.0.1:${port}/healthz`, n8n, () => printed);
			session = await ensureOwner(`http://127.0.0.1:${port}`, { deadlineMs: 180_000 });
		},
		10 * 60 * 1000,
	);

	afterAll(async () => {
		if (n8n && n8n.exitCode === null) {
			const exited = new Promise((r) => n8n?.once('exit', r));
			n8n.kill('SIGTERM');
			const timer = setTimeout(() => n8n?.kill('SIGKILL'), 30_000);
			await exited;
			clearTimeout(timer);
		}
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	}, 60_000);

	it(
		'calls one CRM node per tool with $fromAI() arguments; the CRMs, the model and the answer agree',
		async () => {
			sim.reset();
			model.setScript(crmAgentScript);
			const crmcom = sim.api<CrmComBackofficeApi>('crmcom');
			const activitiesBefore = new Set(crmcom.activities.keys());
			let execution: FinishedExecution;
			try {
				execution = await runAgentExample(session, which);
				expect({ status: execution.status, error: execution.error }).toEqual({
					status: 'success',
					error: undefined,
				});
			} catch (error) {
				throw new Error(
					`${(error as Error).message}\nmodel replies: ${JSON.stringify(model.replies).slice(0, 2000)}\nn8n printed:\n${printed.slice(-3000)}`,
				);
			}

			// n8n ran each tool node once, as a node of the execution
			for (const tool of Object.keys(AGENT_TOOLS) as AgentTool[]) {
				const runs = execution.runData[String(toolNode(tool)?.name)] ?? [];
				expect(runs.map((r) => r.executionStatus ?? 'success')).toEqual(['success']);
			}

			// the model was called with the credential's key, and offered every tool of the example
			expect(model.authorizations.every((a) => a === `Bearer ${MODEL_API_KEY}`)).toBe(true);
			const first = model.requests[0];
			const offered = (first.tools ?? []).map((t) => t.function.name);
			expect(offered).toHaveLength(Object.keys(AGENT_TOOLS).length);
			for (const tool of Object.keys(AGENT_TOOLS) as AgentTool[]) {
				const node = toolNode(tool);
				const spec = (first.tools ?? []).find((t) =>
					(t.function.description ?? '').startsWith(AGENT_TOOLS[tool]),
				);
				expect(node && spec).toBeTruthy();
				// each $fromAI() key of the node is a parameter of its tool
				const keys = [...JSON.stringify(node?.parameters).matchAll(/\$fromAI\('(\w+)'/g)].map(
					(m) => m[1],
				);
				expect(Object.keys(spec?.function.parameters?.properties ?? {}).sort()).toEqual(
					[...new Set(keys)].sort(),
				);
			}

			// one tool call per turn, six turns, then the answer
			expect(model.requests).toHaveLength(7);
			expect(model.replies.every((r) => !('error' in r))).toBe(true);
			const turns = toolTurns(model.requests[6]);
			expect(turns.map((t) => t.tool)).toEqual(Object.keys(AGENT_TOOLS));
			const result = (tool: AgentTool) => turns.find((t) => t.tool === tool)?.result ?? '';

			// (a) each CRM received the request the tool call asked for, (b) the model received the
			// CRM's data as the tool's result in the next turn
			const searches = sim.log.find('/contacts', 'GET').filter((e) => e.query.search_value);
			expect(searches.map((e) => e.query.search_value)).toEqual([AGENT_INPUTS.search]);
			const adas = [...crmcom.contacts.values()].filter((c) => c.first_name === 'Ada');
			expect(adas.length).toBeGreaterThan(0);
			for (const c of adas) expect(result('findContacts')).toContain(c.id);
			// the activity is for the Ada the model picked from that result
			const picked = turns.find((t) => t.tool === 'createActivity')?.arguments.contactId;
			const ada = adas.find((c) => c.id === picked);
			if (!ada) throw new Error(`the model picked ${String(picked)}, not one of the Adas`);

			const created = [...crmcom.activities.values()].filter((a) => !activitiesBefore.has(a.id));
			expect(created).toHaveLength(1);
			expect(created[0].name).toBe(`Follow up with ${ada.first_name} ${ada.last_name}`);
			expect(created[0].linked_to).toEqual(
				expect.arrayContaining([expect.objectContaining({ id: ada.id })]),
			);
			expect(result('createActivity')).toContain(created[0].id);

			const centrix = sim.api<CentrixOneApi>('centrixone');
			const upserts = sim.log.find('/Contacts-', 'POST');
			expect(upserts).toHaveLength(1);
			const stored = [...centrix.contacts.values()].filter(
				(c) => c.ExternalID === `crmcom-${ada.id}`,
			);
			expect(stored).toHaveLength(1);
			expect(stored[0].fields).toMatchObject({ Email: ada.email });
			expect(result('upsertCentrixOne')).toContain(String(stored[0].idc));

			const card = sim.api<CentionApi>('cention').findByChannels({ email: [String(ada.email)] });
			expect(card?.name).toBe(`${ada.first_name} ${ada.last_name}`);
			expect(result('upsertCention')).toContain(`"c3_id":${card?.id}`);

			const lightening = sim.api<LighteningApi>('lightening');
			const listed = sim.log
				.find('/contact', 'GET')
				.filter((e) => e.path.startsWith('/lightening'));
			expect(listed.length).toBeGreaterThan(0);
			expect(
				listed.every(
					(e) => e.url.includes('customer_id[]=1') && !e.url.includes('customer_id[]=2'),
				),
			).toBe(true);
			const customerOne = [...lightening.contacts.values()].filter((c) => c.customer_id === 1);
			expect(customerOne.length).toBeGreaterThan(0);
			for (const c of customerOne) expect(result('lighteningContacts')).toContain(c.name);

			const legacy = sim.api<CrmComLegacyApi>('crmcomLegacy');
			const pendingCalls = sim.log.find('/get_pending', 'GET');
			expect(pendingCalls.length).toBeGreaterThan(0);
			expect(pendingCalls[0].query.provisioning_provider_identifier).toContain(
				AGENT_INPUTS.legacyProvider,
			);
			const pending = legacy.provisioning.filter((p) => p.state === 'PENDING');
			expect(pending.length).toBeGreaterThan(0);
			for (const p of pending) expect(result('legacyPending')).toContain(String(p.id));

			// (c) the agent's answer, stored in n8n's execution, carries the CRMs' data
			const [answer] = outputOf(execution, 'AI Agent');
			const text = String(answer?.output ?? '');
			for (const fact of [
				ada.id,
				created[0].id,
				`idc ${stored[0].idc}`,
				`crmcom-${ada.id}`,
				`c3_id ${card?.id}`,
				...customerOne.map((c) => c.name),
				...pending.map((p) => String(p.id)),
			])
				expect(text).toContain(fact);

			// no CRM secret went to the model
			const sent = JSON.stringify(model.requests);
			for (const secret of [
				CRMCOM_DEMO.apiKey,
				CENTRIX_DEMO.apiKey,
				CENTION_DEMO.jwt,
				LIGHTENING_DEMO.authorization,
				LEGACY_DEMO.password,
			])
				expect(sent).not.toContain(secret);
			process.stdout.write(
				`AGENT RUN ${line.name}: ${model.requests.length} model calls (${model.requests.some((r) => r.stream) ? 'streamed' : 'plain JSON'}), tools ${offered.join(', ')}\n`,
			);
		},
		6 * 60 * 1000,
	);
});
