/** The reliability suite: fault matrix, secret-leak scans, bad-input corpus (test/reliability). */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/reliability'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 2,
};
