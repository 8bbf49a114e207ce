/**
 * One poller per App2App request key, however many subscribers it has, on this instance and (through
 * a lease in `coordination.locks`, in Redis when configured) across instances.
 *
 * Each watched key has a loop: take the key's lease (or, if another instance holds it, try again an
 * interval later so that someone takes over when it stops or dies), poll once, renew the lease for
 * the next wait, sleep. Upstream errors back the wait off exponentially. The loop ends when the poll
 * says the request is terminal (or gone), or when the key's last local subscriber leaves; the lease is
 * then released so another instance with subscribers takes over at its next attempt.
 *
 * Adaptive: a request nobody has opened in the wallet yet (`waiting`) is polled every interval for
 * `idleAfterMs`, then less and less often (the wait grows by half each poll) up to `idleIntervalMs`;
 * once the person opens it (`live`: REQUESTED) it is polled every interval again, so an approval is
 * seen within one interval. 300 requests left unopened cost 60 Klip calls a second instead of 300.
 */
import type { Logger } from '../observability/logger';
import type { Lease, LockManager } from '../pubsub';

/**
 * Answer of one poll: keep polling (`live`: the person has the request open), keep polling at the idle
 * pace (`waiting`: nobody opened it yet), or stop (terminal, expired, or no such request).
 */
export type PollOutcome = 'live' | 'waiting' | 'done';

export interface App2AppPollersOptions {
  intervalMs: number;
  /** The slowest pace for a request nobody opened yet. @default 5 × intervalMs */
  idleIntervalMs?: number;
  /** How long an unopened request is polled at the full pace before slowing down. @default 10 s */
  idleAfterMs?: number;
  locks: LockManager;
  logger: Logger;
  /** Reads the request's state upstream once, records it and publishes it. */
  poll(requestKey: string): Promise<PollOutcome>;
}

/** The longest wait between polls while the upstream keeps failing. */
const MAX_BACKOFF_MS = 30_000;

interface Watch {
  key: string;
  subscribers: number;
  lease?: Lease;
  timer?: NodeJS.Timeout;
  /** A step is in flight; whoever ends the watch meanwhile leaves the lease to it. */
  running: boolean;
  /** No more polling: terminal, or nobody left to tell. */
  done: boolean;
  failures: number;
  /** When this instance started following the key. */
  since: number;
  /** The last wait while the request stays unopened (grows up to idleIntervalMs). */
  idleWait?: number;
}

export class App2AppPollers {
  private readonly watches = new Map<string, Watch>();
  /** Every timer this instance has pending: a timer left on an ended watch shows here, not only in `watches`. */
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: App2AppPollersOptions) {}

  /** Keys this instance is polling now (it holds their lease). */
  get activePollers(): number {
    let n = 0;
    for (const watch of this.watches.values()) if (watch.lease && !watch.done) n++;
    return n;
  }

  /** Keys with at least one local subscriber. */
  get watchedKeys(): number {
    return this.watches.size;
  }

  /** The keys with local subscribers. */
  keys(): string[] {
    return [...this.watches.keys()];
  }

  /** Timers set and not yet fired or cleared, whether or not their key is still watched. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /**
   * Counts one more subscriber of `key`, starting its poller when it is the first. Returns the
   * function that counts it out again (safe to call twice); the last one out stops the poller.
   */
  watch(key: string): () => void {
    let watch = this.watches.get(key);
    if (!watch) {
      watch = { key, subscribers: 0, running: false, done: false, failures: 0, since: Date.now() };
      this.watches.set(key, watch);
      this.schedule(watch, 0);
    }
    watch.subscribers++;
    const counted = watch;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      counted.subscribers--;
      if (counted.subscribers > 0) return;
      if (this.watches.get(key) === counted) this.watches.delete(key);
      this.end(counted);
    };
  }

  /** Ends every poller and releases their leases (the gateway is stopping). */
  async stop(): Promise<void> {
    const watches = [...this.watches.values()];
    this.watches.clear();
    for (const watch of watches) this.end(watch);
    await Promise.all(watches.map((w) => this.releaseLease(w)));
  }

  private end(watch: Watch): void {
    watch.done = true;
    if (watch.timer) {
      clearTimeout(watch.timer);
      this.timers.delete(watch.timer);
      watch.timer = undefined;
    }
    // A step in flight finds `done` when it resumes and releases the lease itself.
    if (!watch.running) void this.releaseLease(watch);
  }

  private schedule(watch: Watch, delayMs: number): void {
    if (watch.done) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.tick(watch);
    }, delayMs);
    // Never the reason the process stays up; stop() clears them anyway.
    timer.unref();
    watch.timer = timer;
    this.timers.add(timer);
  }

  private async tick(watch: Watch): Promise<void> {
    watch.timer = undefined;
    watch.running = true;
    let delay: number;
    try {
      delay = await this.step(watch);
    } catch (err) {
      // Only the lock manager gets here (poll errors are handled in step); try again after a pause.
      this.options.logger.warn({ err, requestKeyPrefix: watch.key.slice(0, 8) }, 'app2app poller step failed');
      delay = this.backoff(watch);
    } finally {
      watch.running = false;
    }
    if (watch.done) await this.releaseLease(watch);
    else this.schedule(watch, delay);
  }

  /** One round: lease, poll, renew. Returns the wait before the next round. */
  private async step(watch: Watch): Promise<number> {
    const { intervalMs, locks, logger } = this.options;
    if (!watch.lease) {
      watch.lease = await locks.tryAcquire(lockName(watch.key), leaseTtl(intervalMs));
      // Another instance polls this key and publishes to everyone; look again later in case it stops.
      if (!watch.lease || watch.done) return intervalMs;
    }
    let delay = intervalMs;
    try {
      const outcome = await this.options.poll(watch.key);
      if (outcome === 'done') watch.done = true;
      delay = outcome === 'waiting' ? this.idleDelay(watch) : ((watch.idleWait = undefined), intervalMs);
      watch.failures = 0;
    } catch (err) {
      delay = this.backoff(watch);
      logger.warn({ err, requestKeyPrefix: watch.key.slice(0, 8), retryInMs: delay }, 'app2app poll failed; backing off');
    }
    if (!watch.done && !(await watch.lease.renew(leaseTtl(delay)))) {
      // Our lease ran out and someone else took it (we were too slow); they poll now.
      watch.lease = undefined;
    }
    return delay;
  }

  /** The wait before the next poll of a request nobody has opened yet. */
  private idleDelay(watch: Watch): number {
    const { intervalMs, idleAfterMs = 10_000 } = this.options;
    const idleIntervalMs = Math.max(this.options.idleIntervalMs ?? 5 * intervalMs, intervalMs);
    if (Date.now() - watch.since < idleAfterMs) return intervalMs;
    watch.idleWait = Math.min(Math.round((watch.idleWait ?? intervalMs) * 1.5), idleIntervalMs);
    return watch.idleWait;
  }

  private backoff(watch: Watch): number {
    watch.failures++;
    const ceiling = Math.max(MAX_BACKOFF_MS, this.options.intervalMs);
    return Math.min(this.options.intervalMs * 2 ** watch.failures, ceiling);
  }

  private async releaseLease(watch: Watch): Promise<void> {
    const lease = watch.lease;
    watch.lease = undefined;
    if (!lease) return;
    try {
      await lease.release();
    } catch (err) {
      // The lease expires on its own; another instance takes over after its TTL.
      this.options.logger.warn({ err }, 'app2app poller lease release failed');
    }
  }
}

function lockName(key: string): string {
  return `app2app:poll:${key}`;
}

/** Long enough to outlast the wait before the next renewal, short enough for a quick takeover. */
function leaseTtl(waitMs: number): number {
  return 2 * waitMs + 2_000;
}
