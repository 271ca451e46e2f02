// Loads the TypeScript sources for the benchmark (ts-node, transpile only). Each node has a codex
// file beside it (`X.node.json`), and Node resolves `./X.node` to `.json` before `.ts`: list
// `.json` after `.ts` so that `import ... from './X.node'` loads the node, as it does under jest.
require('ts-node').register({ transpileOnly: true });
const Module = require('node:module');
const json = Module._extensions['.json'];
delete Module._extensions['.json'];
Module._extensions['.json'] = json;
