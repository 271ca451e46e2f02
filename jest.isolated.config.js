// Tests that measure wall-clock deadlines against raw sockets run in a jest process of their own
// (`npm run test:unit` runs them after the main unit run): sharing a worker process with files
// that patch Node's http module (nock) or load the CPU made them hang in one fresh-clone CI run.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/'],
	testMatch: ['<rootDir>/test/unit/transport/deadline.test.ts'],
	maxWorkers: 1,
};
