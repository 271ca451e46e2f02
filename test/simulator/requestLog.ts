import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
	seq: number;
	at: number;
	method: string;
	/** Path without the query string. */
	path: string;
	/** Full URL path with the query string, as sent. */
	url: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
	/** Status answered, or the fault applied. */
	status?: number;
	fault?: string;
	/** Requests in flight when it arrived, itself included. */
	inFlight?: number;
}

/** Every request the simulator received, in order, with secrets kept for assertions. */
export class RequestLog {
	private entries: LoggedRequest[] = [];

	private seq = 0;

	/** Largest number of requests in flight at once since the last reset. */
	maxInFlight = 0;

	inFlight = 0;

	/** Requests answered 429 by the simulator's concurrency limit (`Simulator.rateLimit`). */
	rateLimited = 0;

	record(entry: Omit<LoggedRequest, 'seq' | 'at'>): LoggedRequest {
		const full = { ...entry, seq: ++this.seq, at: Date.now() };
		this.entries.push(full);
		return full;
	}

	all(): LoggedRequest[] {
		return [...this.entries];
	}

	/** Requests whose path contains `fragment` (and with `method`, when given). */
	find(fragment: string, method?: string): LoggedRequest[] {
		return this.entries.filter(
			(e) => e.path.includes(fragment) && (!method || e.method === method.toUpperCase()),
		);
	}

	count(fragment = '', method?: string): number {
		return this.find(fragment, method).length;
	}

	clear(): void {
		this.entries = [];
		this.maxInFlight = 0;
		this.rateLimited = 0;
	}
}
