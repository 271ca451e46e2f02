// The fast slice of the mutation run (`npx stryker run stryker.quick.config.mjs`): the pure
// modules of the shared layer (redaction, retry policy, paging, URL checks) against their unit
// and property tests only. stryker.config.mjs mutates all of nodes/shared against every unit test.
import base from './stryker.config.mjs';

export default {
	...base,
	mutate: [
		'nodes/shared/redact.ts',
		'nodes/shared/transport/retry.ts',
		'nodes/shared/transport/paginate.ts',
		'nodes/shared/transport/url.ts',
		'nodes/shared/concurrency.ts',
	],
	jest: {
		...base.jest,
		config: {
			...base.jest.config,
			testMatch: [
				'<rootDir>/test/unit/redact.test.ts',
				'<rootDir>/test/unit/concurrency.test.ts',
				'<rootDir>/test/unit/transport/paginate.test.ts',
				'<rootDir>/test/unit/transport/retry.test.ts',
				'<rootDir>/test/unit/transport/pure.test.ts',
				'<rootDir>/test/property/**/*.test.ts',
			],
		},
	},
	jsonReporter: { fileName: 'reports/mutation/mutation.quick.json' },
};
