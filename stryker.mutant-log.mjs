// A Stryker reporter that appends each mutant's result as it is known (one JSON line each) to
// reports/mutation/mutants.jsonl: survivors can be read, and tests written, while a long run
// is still going, and a stopped run leaves what it found.
import { appendFileSync, mkdirSync } from 'node:fs';
import { PluginKind, declareFactoryPlugin } from '@stryker-mutator/api/plugin';

const FILE = process.env.STRYKER_MUTANT_LOG ?? 'reports/mutation/mutants.jsonl';

function mutantLog() {
	mkdirSync('reports/mutation', { recursive: true });
	return {
		onMutantTested(result) {
			const { fileName, location, mutatorName, replacement, status, killedBy, duration } = result;
			appendFileSync(
				FILE,
				`${JSON.stringify({
					at: new Date().toISOString(),
					file: fileName.replace(/^.*?(nodes\/shared\/)/, '$1'),
					line: location.start.line,
					column: location.start.column,
					mutatorName,
					replacement,
					status,
					killedBy,
					duration,
				})}\n`,
			);
		},
	};
}

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Reporter, 'mutant-log', mutantLog)];
