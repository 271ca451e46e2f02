/** The reliability suite: fault matrix, secret-leak scans, bad-input corpus (test/reliability). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 2,
};
