import nock from 'nock';

import { executeNode } from '../harness/harness';
import { ProbeApi } from '../fixtures/probeCredential';
import { RequestProbe } from '../fixtures/RequestProbe.node';

/** The probe's base URL: port 9 of the loopback, answered by nock only. */
export const PROBE_BASE = 'http://127.0.0.1:9';
/** The probe credential's API key (tests check that it never shows). */
export const PROBE_KEY = 'probe-secret-key-5f1e2d';

/** Runs the RequestProbe node (one shared request) with `parameters` against `baseUrl`. */
export function runProbe(parameters: Record<string, unknown>, baseUrl = PROBE_BASE) {
	return executeNode({
		node: new RequestProbe(),
		credentialTypes: [new ProbeApi()],
		credentials: { probeApi: { baseUrl, apiKey: PROBE_KEY } },
		parameters: { resource: 'probe', operation: 'send', ...parameters } as never,
	});
}

/**
 * nock answers the probe's base URL; no other network is reached, except real loopback servers
 * (scriptedServer, localServer) on other ports. Call at the top of a test file.
 */
export function useProbeNetwork(): void {
	beforeAll(() => {
		nock.disableNetConnect();
		nock.enableNetConnect((host) => host.startsWith('127.0.0.1') && !host.endsWith(':9'));
	});
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}
