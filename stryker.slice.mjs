// One slice of the mutation run, for a machine where the whole run does not fit in one go:
//   MUTATE=nodes/shared/redact.ts npx stryker run stryker.slice.mjs
// Same mutators, checker and timeouts as stryker.config.mjs. Two differences, both of which can
// only lower the score, never raise it:
// - only the files in MUTATE are mutated;
// - each mutant runs against the tests that exercise that module (OWN_TESTS below: its own unit
//   and property tests, plus the transport tests for the transport), not every unit test. On the
//   full run a redact.ts mutant runs ~20 s of tests (every node test builds a redactor); here
//   about 2 s. A mutant that only a test outside the list would kill counts as survived.
// Each slice keeps its own incremental file and JSON report under reports/mutation/, so a slice
// that was stopped starts again from the last finished one; `node stryker.summary.mjs` adds the
// slices up (per file and overall) and lists the survivors.
import base from './stryker.config.mjs';

const U = '<rootDir>/test/unit';
const P = '<rootDir>/test/property';
const TRANSPORT = [
	`${U}/transport/request.test.ts`,
	`${U}/transport/request.mutation.test.ts`,
	`${U}/transport/redirect.test.ts`,
	`${U}/transport/issue16.test.ts`,
	`${U}/transport/redactFirst.test.ts`,
	`${U}/transport/pure.test.ts`,
];
/** The tests that exercise each module of nodes/shared (directly or through its one caller). */
const OWN_TESTS = {
	'nodes/shared/redact.ts': [
		`${U}/redact.test.ts`,
		`${U}/redact.mutation.test.ts`,
		`${P}/redact.test.ts`,
		`${U}/transport/redactFirst.test.ts`,
	],
	'nodes/shared/transport/retry.ts': [
		`${U}/transport/retry.test.ts`,
		`${U}/transport/retry.mutation.test.ts`,
		`${U}/transport/pure.test.ts`,
	],
	'nodes/shared/transport/url.ts': [
		`${U}/transport/pure.test.ts`,
		`${U}/transport/url.mutation.test.ts`,
		`${U}/redact.test.ts`,
		`${U}/credentialUrls.test.ts`,
		`${U}/transport/issue16.test.ts`,
	],
	'nodes/shared/transport/paginate.ts': [
		`${U}/transport/paginate.test.ts`,
		`${U}/transport/paginate.mutation.test.ts`,
		`${U}/transport/paginate.mutation2.test.ts`,
		`${P}/paginate.test.ts`,
	],
	'nodes/shared/concurrency.ts': [
		`${U}/concurrency.test.ts`,
		`${U}/concurrency.mutation.test.ts`,
		`${P}/batch.pairing.test.ts`,
		`${U}/transport/adaptive.test.ts`,
		`${P}/adaptive.test.ts`,
	],
	'nodes/shared/transport/adaptive.ts': [
		`${U}/transport/adaptive.test.ts`,
		`${U}/transport/adaptive.mutation.test.ts`,
		`${P}/adaptive.test.ts`,
	],
	'nodes/shared/transport/batch.ts': [
		`${U}/concurrency.test.ts`,
		`${U}/concurrency.mutation.test.ts`,
		`${U}/transport/batch.mutation.test.ts`,
		`${P}/batch.pairing.test.ts`,
	],
	'nodes/shared/trigger.ts': [
		`${U}/trigger.mutation.test.ts`,
		`${P}/trigger.engine.test.ts`,
		`${P}/trigger.fingerprint.test.ts`,
		`${P}/trigger.nodes.test.ts`,
	],
	'nodes/shared/validation.ts': [`${U}/validation.test.ts`, `${U}/validation.mutation.test.ts`],
	'nodes/shared/operations.ts': [`${U}/operationRegistry.test.ts`],
	'nodes/shared/router.ts': [`${U}/operationRegistry.test.ts`],
	'nodes/shared/descriptions.ts': [`${U}/descriptions.test.ts`, `${U}/operationRegistry.test.ts`],
	'nodes/shared/transport/errors.ts': [
		`${U}/transport/errors.mutation.test.ts`,
		`${U}/transport/redactFirst.test.ts`,
		`${U}/transport/request.test.ts`,
		`${P}/redact.test.ts`,
	],
	'nodes/shared/locator.ts': [
		`${U}/locatorId.test.ts`,
		`${U}/locator.mutation.test.ts`,
		`${U}/descriptionSnapshot.test.ts`,
	],
	'nodes/shared/customApiCall.ts': [
		`${U}/customApiCall.test.ts`,
		`${U}/customApiCall.mutation.test.ts`,
		`${U}/descriptionSnapshot.test.ts`,
	],
	'nodes/shared/transport/request.ts': TRANSPORT,
	'nodes/shared/transport/types.ts': TRANSPORT,
	'nodes/shared/transport/clock.ts': TRANSPORT,
	'nodes/shared/client.ts': [...TRANSPORT, `${U}/client.test.ts`],
};

const mutate = (process.env.MUTATE ?? '').split(',').filter((f) => f.length > 0);
if (mutate.length === 0) throw new Error('set MUTATE to the file(s) to mutate, comma-separated');
// a file, or lines of it (`nodes/shared/redact.ts:52:1-52:200`) to re-run the mutants of those
// lines after a test was added; the summary lets a later report replace those mutants' results
const fileOf = (f) => f.replace(/:\d+:\d+-\d+:\d+$/, '');
const name = mutate
	.map((f) =>
		f
			.replace(/^nodes\/shared\//, '')
			.replace(/\.ts(?=$|:)/, '')
			.replace(/\//g, '_')
			.replace(/:(\d+):(\d+)-(\d+):(\d+)$/, '@$1.$2-$3.$4'),
	)
	.join('+')
	.slice(0, 120);
const tests = [
	...new Set(mutate.flatMap((f) => OWN_TESTS[fileOf(f)] ?? base.jest.config.testMatch)),
];

export default {
	...base,
	mutate,
	jest: { ...base.jest, config: { ...base.jest.config, testMatch: tests } },
	incrementalFile: `reports/mutation/incremental/${name}.json`,
	jsonReporter: { fileName: `reports/mutation/slices/${name}.json` },
};
