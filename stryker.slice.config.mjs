import base from '/work/main/stryker.quick.config.mjs';
export default {
	...base,
	mutate: ['nodes/shared/redact.ts', 'nodes/shared/transport/url.ts', 'nodes/shared/transport/paginate.ts', 'nodes/shared/transport/retry.ts'],
	concurrency: 1,
	reporters: ['clear-text', 'json'],
	jsonReporter: { fileName: 'reports/mutation/mutation.slice.json' },
};
