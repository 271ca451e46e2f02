// Adds up the slice reports under reports/mutation/slices/ (stryker.slice.mjs), per file and
// overall, with the score as Stryker computes it: (killed + timeout) / (killed + timeout +
// survived + no coverage); ignored mutants, compile errors and runtime errors are not counted.
//   node stryker.summary.mjs            the table, then every survivor
//   node stryker.summary.mjs --table    the table only
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'reports/mutation/slices';
const reports = existsSync(dir)
	? readdirSync(dir)
			.filter((n) => n.endsWith('.json'))
			.map((n) => join(dir, n))
			.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
	: [];

/**
 * Latest result per mutant: a later report (a slice run again, or the lines of a survivor run
 * again after a test was added) replaces the earlier result of the same mutant. A mutant is
 * known by its file, the text of its line (and which occurrence of that text), its column, mutator and replacement, so results
 * stay matched when lines were added above it. Mutants of lines that the newest report's source
 * no longer has (the line was changed or removed) are dropped.
 */
const files = new Map();
/** Per file, the lines of its newest report's source (text and occurrence). */
const current = new Map();
for (const path of reports) {
	const report = JSON.parse(readFileSync(path, 'utf8'));
	for (const [file, data] of Object.entries(report.files)) {
		const lines = data.source.split('\n');
		// the same line text can occur twice in a file (two loops doing the same step): the
		// key counts which occurrence it is, or their mutants would be counted once
		const seen = new Map();
		const occurrence = lines.map((line) => {
			const n = seen.get(line) ?? 0;
			seen.set(line, n + 1);
			return n;
		});
		const mutants = files.get(file) ?? new Map();
		// a slice of some lines (`<module>@<line>.<col>-<line>.<col>` in the report's name)
		// re-tests every mutant inside that span: an earlier result there that it no longer
		// reports (its mutant was disabled as equivalent, or its span changed) is gone
		const base = file.replace(/^nodes\/shared\//, '').replace(/\.ts$/, '').replace(/\//g, '_');
		const lineAt = new Map(lines.map((line, n) => [`${line}|${occurrence[n]}`, n + 1]));
		const at = (line, column) => line * 1e6 + column;
		for (const [, l1, c1, l2, c2] of path.matchAll(
			new RegExp(`(?:^|[/+])${base}@(\\d+)\\.(\\d+)-(\\d+)\\.(\\d+)`, 'g'),
		)) {
			for (const [key, m] of mutants) {
				const start = lineAt.get(m.line);
				if (start === undefined) continue;
				const end = start + m.location.end.line - m.location.start.line;
				if (
					at(start, m.location.start.column) >= at(Number(l1), Number(c1)) &&
					at(end, m.location.end.column) <= at(Number(l2), Number(c2))
				)
					mutants.delete(key);
			}
		}
		for (const m of data.mutants) {
			const key = [
				lines[m.location.start.line - 1],
				occurrence[m.location.start.line - 1],
				m.location.start.column,
				m.location.end.line - m.location.start.line,
				m.location.end.column,
				m.mutatorName,
				m.replacement,
			].join('|');
			mutants.set(key, {
				...m,
				line: `${lines[m.location.start.line - 1]}|${occurrence[m.location.start.line - 1]}`,
			});
		}
		files.set(file, mutants);
		current.set(file, new Set(lines.map((line, i) => `${line}|${occurrence[i]}`)));
	}
}
// a line changed or removed since an older report: its old mutants are gone from the source
for (const [file, mutants] of files)
	for (const [key, m] of mutants) if (!current.get(file).has(m.line)) mutants.delete(key);

const rows = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, compileError: 0 };
const survivors = [];
for (const [file, data] of [...files.entries()].sort()) {
	const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, compileError: 0 };
	for (const m of data.values()) {
		const key = {
			Killed: 'killed',
			Timeout: 'timeout',
			Survived: 'survived',
			NoCoverage: 'noCoverage',
			Ignored: 'ignored',
			CompileError: 'compileError',
			// Stryker leaves runtime errors out of the score too (its "# errors" column)
			RuntimeError: 'compileError',
		}[m.status];
		c[key ?? 'compileError']++;
		if (m.status === 'Survived' || m.status === 'NoCoverage')
			survivors.push(
				`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.status} ${JSON.stringify(m.replacement ?? '')}`,
			);
	}
	for (const k of Object.keys(total)) total[k] += c[k];
	rows.push([file, c]);
}
const score = (c) => {
	const valid = c.killed + c.timeout + c.survived + c.noCoverage;
	return valid ? ((100 * (c.killed + c.timeout)) / valid).toFixed(1) : 'n/a';
};
console.log('| File | Mutants | Killed | Timeout | Survived | No coverage | Score |');
console.log('|---|---|---|---|---|---|---|');
for (const [file, c] of [...rows, ['**All**', total]]) {
	const n = c.killed + c.timeout + c.survived + c.noCoverage;
	console.log(
		`| ${file} | ${n} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${score(c)} % |`,
	);
}
if (!process.argv.includes('--table')) {
	console.log('\nSurvivors:');
	for (const s of survivors) console.log(s);
}
