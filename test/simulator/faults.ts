import { prng } from '../lib/prng';

/** A fault the simulator injects into the next `count` requests (optionally matching a path). */
export type FaultKind =
	| 'status429'
	| 'status502'
	| 'status503'
	| 'status504'
	| 'resetBefore'
	| 'resetAfter'
	| 'delay'
	| 'nonJson'
	| 'tokenExpired';

export interface FaultRule {
	kind: FaultKind;
	/** How many matching requests it applies to (default 1). */
	count?: number;
	/** Applies only when the request path contains this text (or matches this RegExp source). */
	path?: string;
	/** Applies only to this method. */
	method?: string;
	/** Retry-After to send with 429/503: seconds as a number, or an HTTP date string. */
	retryAfter?: number | string;
	/** Milliseconds, for `delay`. */
	delayMs?: number;
}

/** A random fault rate, for benchmarks and soak runs: each request draws independently. */
export interface RandomFaults {
	rate: number;
	kinds: FaultKind[];
	retryAfter?: number | string;
	path?: string;
	method?: string;
}

interface ActiveRule extends FaultRule {
	remaining: number;
}

function matches(rule: { path?: string; method?: string }, method: string, path: string): boolean {
	if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
	if (rule.path && !path.includes(rule.path) && !new RegExp(rule.path).test(path)) return false;
	return true;
}

export class FaultInjector {
	private rules: ActiveRule[] = [];

	private random: RandomFaults | undefined;

	private draw = prng(1);

	/** Adds rules; they apply in the order given, each to its next `count` matching requests. */
	add(...rules: FaultRule[]): void {
		for (const rule of rules) this.rules.push({ ...rule, remaining: rule.count ?? 1 });
	}

	setRandom(random: RandomFaults | undefined, seed = 1): void {
		this.random = random;
		this.draw = prng(seed);
	}

	clear(): void {
		this.rules = [];
		this.random = undefined;
	}

	pending(): FaultRule[] {
		return this.rules.map(({ remaining, ...rule }) => ({ ...rule, count: remaining }));
	}

	/** The fault for this request, if any (consumes one use of the rule). */
	take(method: string, path: string): FaultRule | undefined {
		const index = this.rules.findIndex((rule) => matches(rule, method, path));
		if (index >= 0) {
			const rule = this.rules[index];
			rule.remaining--;
			if (rule.remaining <= 0) this.rules.splice(index, 1);
			const { remaining: _remaining, ...fault } = rule;
			return fault;
		}
		if (this.random && matches(this.random, method, path) && this.draw() < this.random.rate) {
			const kinds = this.random.kinds;
			const kind = kinds[Math.floor(this.draw() * kinds.length)] ?? 'status503';
			return { kind, retryAfter: this.random.retryAfter };
		}
		return undefined;
	}
}
