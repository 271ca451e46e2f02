/** The e2e suite: real n8n processes, one at a time. */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
};
