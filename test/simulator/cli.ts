/*
 * Starts the CRM simulator standalone:
 * `npm run simulator [-- --port 5680 --latency 10 --no-seed --profile live|docs|classic]`.
 * The profile defaults to `live` (what is known of the live services), or SIMULATOR_PROFILE.
 */
import { startSimulator } from './server';
import { isSimProfile, SIM_PROFILES } from './types';

function argValue(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const profile = argValue('profile') ?? process.env.SIMULATOR_PROFILE ?? 'live';
	if (!isSimProfile(profile)) {
		process.stderr.write(`Unknown profile "${profile}": use one of ${SIM_PROFILES.join(', ')}\n`);
		process.exit(2);
	}
	const sim = await startSimulator({
		profile,
		port: Number(argValue('port') ?? process.env.SIMULATOR_PORT ?? 5680),
		latencyMs: Number(argValue('latency') ?? 0),
		seed: !process.argv.includes('--no-seed'),
	});
	const apis = Object.values(sim.apis).map((api) => ({
		key: api.key,
		name: api.name,
		baseUrl: sim.baseUrl(api.key),
		credentials: Object.fromEntries(
			Object.entries(api.demoCredentials).map(([k, v]) => [
				k,
				v.replace('(this simulator)', sim.url),
			]),
		),
	}));
	const summary = { url: sim.url, control: `${sim.url}/_sim/`, profile, apis };
	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(summary)}\n`);
	} else {
		process.stdout.write(
			`CRM simulator listening on ${sim.url}, profile ${profile} (Ctrl-C stops it)\n`,
		);
		for (const api of apis) {
			process.stdout.write(`\n${api.name}\n  base URL: ${api.baseUrl}\n`);
			for (const [k, v] of Object.entries(api.credentials)) process.stdout.write(`  ${k}: ${v}\n`);
		}
		process.stdout.write(
			`\nFaults, log and reset: ${summary.control} (see README → The simulator)\n`,
		);
	}
	const stop = async () => {
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
