/**
 * jest `setupFiles` entry: the regular-expression engine n8n-workflow uses for resource-locator
 * values and parameter validation, with the same `node:vm` sandbox as n8n's default engine but a
 * 5 s watchdog instead of 250 ms.
 *
 * n8n's default engine runs each pattern in a vm script with a 250 ms wall-clock timeout. The
 * patterns here are the nodes' own, linear and run on short ids and URLs; on a 2-core machine
 * running several jest workers, n8n processes and a CI job side by side, a worker can be starved
 * of the CPU for longer than 250 ms between two instructions, and a test then fails with
 * "Regular expression execution timed out" although nothing about the pattern changed. The tests
 * prove what the nodes do with the extracted value; the watchdog's wall-clock budget on a loaded
 * machine is not part of that. A pattern that truly runs away still fails, after 5 s.
 */
import vm from 'node:vm';

import { setSafeRegexEngine, type RegexEngine } from 'n8n-workflow';

const TIMEOUT_MS = 5000;

interface Context {
	pattern: string;
	flags: string;
	input: string;
	replacement: string;
	result: unknown;
}

function vmEngine(): RegexEngine {
	const context: Context = {
		pattern: '',
		flags: '',
		input: '',
		replacement: '',
		result: undefined,
	};
	const sandbox = vm.createContext(context);
	const script = (body: string) => new vm.Script(`result = ${body}`);
	const scripts = {
		exec: script('new RegExp(pattern, flags).exec(input)'),
		test: script('new RegExp(pattern, flags).test(input)'),
		replace: script('input.replace(new RegExp(pattern, flags), replacement)'),
		matchAll: script('Array.from(input.matchAll(new RegExp(pattern, flags)))'),
		split: script('input.split(new RegExp(pattern, flags))'),
	};
	const run = <T>(
		which: keyof typeof scripts,
		pattern: string,
		input: string,
		flags = '',
		replacement = '',
	): T => {
		Object.assign(context, { pattern, input, flags, replacement, result: undefined });
		try {
			scripts[which].runInContext(sandbox, { timeout: TIMEOUT_MS });
		} catch (error) {
			if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
				throw new Error('Regular expression execution timed out');
			}
			throw error;
		}
		return context.result as T;
	};
	const globalFlags = (flags?: string) => (flags?.includes('g') ? flags : `${flags ?? ''}g`);
	return {
		exec: (pattern, input, flags) => run('exec', pattern, input, flags),
		test: (pattern, input, flags) => run('test', pattern, input, flags),
		replace: (pattern, input, flags, replacement) =>
			run('replace', pattern, input, flags, replacement),
		matchAll: (pattern, input, flags) => run('matchAll', pattern, input, globalFlags(flags)),
		split: (pattern, input, flags) => run('split', pattern, input, flags),
	};
}

setSafeRegexEngine(vmEngine());
