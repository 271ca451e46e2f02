/** The scale-out test: n8n queue mode with Postgres and Redis (test/scale). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/scale'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 45 * 60 * 1000,
	maxWorkers: 1,
};
