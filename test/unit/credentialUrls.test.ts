import { CentionApi } from '../../credentials/CentionApi.credentials';
import { CentrixOneApi } from '../../credentials/CentrixOneApi.credentials';
import { CrmComApi } from '../../credentials/CrmComApi.credentials';
import { CrmComLegacyApi, legacyLogin } from '../../credentials/CrmComLegacyApi.credentials';
import { CrmComUserApi, crmComUserLogin } from '../../credentials/CrmComUserApi.credentials';
import { LighteningApi } from '../../credentials/LighteningApi.credentials';
import { buildContext } from '../harness/harness';
import { RequestProbe } from '../fixtures/RequestProbe.node';

/**
 * Issue #16 ("also"): credential tests and login calls enforce https (loopback excepted) and
 * never follow a redirect. The test requests' base URL expressions are evaluated by n8n's own
 * expression engine.
 */
const TYPES = [
	{ type: new CentionApi(), field: 'domain', suffix: '' },
	{ type: new CentrixOneApi(), field: 'baseUrl', suffix: '' },
	{ type: new CrmComApi(), field: 'baseUrl', suffix: '' },
	{ type: new CrmComUserApi(), field: 'baseUrl', suffix: '' },
	{ type: new LighteningApi(), field: 'baseUrl', suffix: '' },
	{ type: new CrmComLegacyApi(), field: 'server', suffix: '/crmapi/rest/v2' },
];

const { workflow } = buildContext({ node: new RequestProbe(), parameters: {} });

function testBaseUrl(index: number, value: string): string {
	const { type, field } = TYPES[index];
	const request = type.test?.request;
	expect(request?.disableFollowRedirect).toBe(true);
	return workflow.expression.getParameterValue(
		request?.baseURL as string,
		null,
		0,
		0,
		'Node Under Test',
		[],
		'internal',
		{ $credentials: { [field]: value } },
	) as string;
}

describe('credential tests: https only, no redirect', () => {
	it.each(TYPES.map((t, i) => [t.type.name, i] as const))('%s', (_name, index) => {
		const { suffix } = TYPES[index];
		expect(testBaseUrl(index, 'https://crm.example.com/api/')).toBe(
			`https://crm.example.com/api${suffix}`,
		);
		expect(testBaseUrl(index, 'http://crm.example.com/api')).toBe(
			`https://crm.example.com/api${suffix}`,
		);
		expect(testBaseUrl(index, ' HTTP://crm.example.com ')).toBe(`https://crm.example.com${suffix}`);
		expect(testBaseUrl(index, 'http://127.0.0.1:5678/x')).toBe(`http://127.0.0.1:5678/x${suffix}`);
		expect(testBaseUrl(index, 'http://localhost:5678')).toBe(`http://localhost:5678${suffix}`);
		// a loopback-looking prefix of another host is not loopback
		expect(testBaseUrl(index, 'http://localhost.evil.example')).toBe(
			`https://localhost.evil.example${suffix}`,
		);
	});
});

describe('login calls: https only, no redirect', () => {
	it('CRM.COM Legacy and CRM.COM user logins refuse plain http before sending anything', async () => {
		const sent: unknown[] = [];
		const request = async (options: unknown) => {
			sent.push(options);
			return {};
		};
		await expect(
			legacyLogin(request, { server: 'http://crm.example.com', username: 'u', password: 'p' }),
		).rejects.toThrow('"Server URL" must start with https://');
		await expect(
			crmComUserLogin(request, { baseUrl: 'http://crm.example.com', signIn: 'password' }),
		).rejects.toThrow('"Base URL" must start with https://');
		expect(sent).toEqual([]);
	});

	it('logins ask n8n not to follow redirects and set a timeout', async () => {
		const sent: Array<Record<string, unknown>> = [];
		const request = async (options: Record<string, unknown>) => {
			sent.push(options);
			return String(options.url).includes('users')
				? { access_token: 'tok-1234567890' }
				: { status: { code: 'OK' }, data: { token: 'tok-1234567890' } };
		};
		await legacyLogin(request as never, { server: 'https://crm.example.com', password: 'p' });
		await crmComUserLogin(request as never, {
			baseUrl: 'https://crm.example.com',
			signIn: 'password',
		});
		expect(sent.map((o) => [o.disableFollowRedirect, typeof o.timeout])).toEqual([
			[true, 'number'],
			[true, 'number'],
		]);
	});
});
