/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'/test/e2e/',
		'/test/scale/',
		'/test/reliability/',
		// run in a process of its own: jest.isolated.config.js
		'/test/unit/transport/deadline.test.ts',
	],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
	},
	// n8n's regex watchdog with a budget a loaded CI machine keeps (see the file)
	setupFiles: ['<rootDir>/test/lib/safeRegexEngine.ts'],
	testTimeout: 30000,
	maxWorkers: 2,
};
