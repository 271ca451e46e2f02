// Mutation testing of the shared layer (issue #16): `npm run test:mutation`.
// Mutates nodes/shared/**, runs the unit and property tests (jest) on each mutant, and skips
// mutants that do not compile (TypeScript checker). Timeouts count as killed.
// property tests run a tenth of their generated cases on each mutant
process.env.PROPERTY_RUNS_SCALE ??= '0.1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	packageManager: 'npm',
	testRunner: 'jest',
	checkers: ['typescript'],
	// the checker asks whether a mutant is valid TypeScript in the pack's own sources (nodes/,
	// credentials/): the tests are not type-checked by jest either (ts-jest, diagnostics off).
	// Checking test/, bench/ and scripts/ too tripled the checker's time per mutant.
	tsconfigFile: 'tsconfig.mutation.json',
	typescriptChecker: { prioritizePerformanceOverAccuracy: true },
	mutate: ['nodes/shared/**/*.ts'],
	coverageAnalysis: 'perTest',
	jest: {
		projectType: 'custom',
		enableFindRelatedTests: false,
		config: {
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/property/**/*.test.ts'],
			// real-time tests against a trickling socket: they measure wall-clock deadlines, which
			// Stryker's instrumented runs do not keep
			testPathIgnorePatterns: ['/node_modules/', '/test/unit/transport/deadline.test.ts'],
			transform: {
				'^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
			},
			testTimeout: 30000,
		},
	},
	concurrency: 2,
	timeoutMS: 15000,
	timeoutFactor: 2,
	appendPlugins: ['./stryker.mutant-log.mjs'],
	reporters: ['clear-text', 'progress', 'json', 'mutant-log'],
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 90, low: 85, break: null },
	ignoreStatic: true,
	// an interrupted run resumes: results of mutants whose code and covering tests did not change
	// are reused from the last report (reports/ is gitignored; pass --incrementalFile per slice)
	incremental: true,
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
