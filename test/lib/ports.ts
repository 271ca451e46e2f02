import net from 'node:net';

/**
 * A loopback port free at the time of asking (the OS picks it). Every test-started server takes
 * one: fixed ports collide when two runs share a machine (two checkouts, CI beside a developer's
 * demo) and fail with EADDRINUSE although nothing is wrong with either run.
 */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** A port from the environment when set (a developer pinning it), else a free one. */
export async function portFrom(env: string | undefined): Promise<number> {
	return env ? Number(env) : await freePort();
}
