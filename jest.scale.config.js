/** The scale-out test: n8n queue mode with Postgres and Redis (test/scale). */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/scale'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 45 * 60 * 1000,
	maxWorkers: 1,
};
