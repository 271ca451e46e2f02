import { clock } from './clock';

/**
 * Adaptive concurrency (AIMD, as TCP and the AWS SDKs' adaptive retry mode do it): how many
 * requests one job (the pages of a list, the batches of a write, the items of a per-item
 * operation) keeps in flight. It starts at a safe width, adds 1 after each window of replies
 * that came back fast and clean, and halves on a 429/503 (down to 1) or when replies grow slow
 * (down to the start width), never above the user's Options → Concurrency. One decrease per window: signals from
 * requests sent before the last decrease (the same overshoot) do not halve it again.
 */
export interface AdaptiveOptions {
	/** The user's Options → Concurrency: the width is never above it. */
	max: number;
	/** The first width (default: 4, or `max` when lower). */
	start?: number;
	/** Milliseconds since some origin (default: the transport's clock). */
	now?: () => number;
}

/** The width a job starts at when the user set no lower maximum: the pack's old fixed width. */
export const DEFAULT_START_WIDTH = 4;

/** A reply is fast while it takes at most this many times the fastest (plus the slack). */
const FAST_FACTOR = 2;
/** Replies this many times slower than the fastest, on average, halve the width (a safety: 429s are the main signal). */
const SLOW_FACTOR = 4;
/** Milliseconds below which a difference in reply time is noise (timers, GC). */
const SLACK_MS = 20;
/** How fast the smoothed reply time follows a new one. */
const SMOOTHING = 0.3;
/** How fast the fastest-reply baseline drifts up toward slower replies (a slower server). */
const BASELINE_DRIFT = 0.01;

type WidthObserver = (width: number, controller: AdaptiveWidth) => void;

const observers = new Set<WidthObserver>();

export class AdaptiveWidth {
	readonly max: number;

	/** The first width: slow replies never take the width below it. */
	readonly start: number;

	/** Requests this job may have in flight now. */
	width: number;

	/** Every width the controller chose, the first included (for the benchmark's report). */
	readonly widths: number[];

	/** 429/503 replies reported while the job ran. */
	throttles = 0;

	private readonly now: () => number;

	private cleanStreak = 0;

	private baselineMs = Number.POSITIVE_INFINITY;

	private smoothedMs: number | undefined;

	private lastDecreaseAt = Number.NEGATIVE_INFINITY;

	constructor(options: AdaptiveOptions) {
		this.max = Math.max(1, Math.floor(options.max) || 1);
		this.start = Math.max(1, Math.min(this.max, Math.floor(options.start ?? DEFAULT_START_WIDTH)));
		this.width = this.start;
		this.widths = [this.width];
		this.now = options.now ?? clock.now;
	}

	/** The time a task starts, to hand back to `completed`. */
	started(): number {
		return this.now();
	}

	/**
	 * A task started at `startedAt` ended (`ok`: it succeeded). Fast clean replies grow the
	 * width by 1 per window; replies slow on average halve it.
	 */
	completed(startedAt: number, ok: boolean): void {
		const ms = Math.max(0, this.now() - startedAt);
		this.baselineMs =
			ms < this.baselineMs ? ms : this.baselineMs + (ms - this.baselineMs) * BASELINE_DRIFT;
		this.smoothedMs =
			this.smoothedMs === undefined ? ms : this.smoothedMs + (ms - this.smoothedMs) * SMOOTHING;
		// a task sent before the last decrease says nothing about the width chosen since
		if (startedAt < this.lastDecreaseAt) return;
		// slow replies take back growth, never below the start width: on a busy machine a stall
		// looks like a slow reply, and the start width is the known-safe one; a 429/503 goes lower
		if (this.width > this.start && this.smoothedMs > SLOW_FACTOR * this.baselineMs + SLACK_MS) {
			this.decrease(this.start);
			return;
		}
		if (!ok || ms > FAST_FACTOR * this.baselineMs + SLACK_MS) {
			this.cleanStreak = 0;
			return;
		}
		if (++this.cleanStreak >= this.width && this.width < this.max) this.set(this.width + 1);
	}

	/** The service answered 429 or 503 to a request sent at `sentAt`. */
	throttled(sentAt: number): void {
		this.throttles++;
		if (sentAt < this.lastDecreaseAt) return;
		this.decrease(1);
	}

	private decrease(floor: number): void {
		this.lastDecreaseAt = this.now();
		// the slow replies that caused it must not count against the narrower width
		this.smoothedMs = this.baselineMs;
		this.set(Math.max(floor, 1, Math.floor(this.width / 2)));
	}

	private set(width: number): void {
		this.cleanStreak = 0;
		if (width === this.width) return;
		this.width = width;
		this.widths.push(width);
		for (const observer of observers) observer(width, this);
	}
}

type ThrottleListener = (sentAt: number) => void;

/** Per execution context: the controllers of its running jobs. */
const listeners = new WeakMap<object, Set<ThrottleListener>>();

/**
 * Lets `controller` hear the 429/503 replies of every request sent with `context` (the node's
 * execution context) until the returned function is called.
 */
export function listenForThrottles(context: object, controller: AdaptiveWidth): () => void {
	let set = listeners.get(context);
	if (!set) {
		set = new Set();
		listeners.set(context, set);
	}
	const listener: ThrottleListener = (sentAt) => controller.throttled(sentAt);
	set.add(listener);
	return () => set.delete(listener);
}

/** The request layer: a request of `context` sent at `sentAt` was answered 429 or 503. */
export function reportThrottle(context: object, sentAt: number): void {
	const set = listeners.get(context);
	if (set) for (const listener of set) listener(sentAt);
}

/** Diagnostics (the benchmark): hears every width change of every controller in this process. */
export function observeWidths(observer: WidthObserver): () => void {
	observers.add(observer);
	return () => observers.delete(observer);
}
