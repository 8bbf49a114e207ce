/**
 * What the subscription benchmarks do to a gateway process and its sandbox process: prepare App2App
 * requests as viewers (HTTP), follow them over graphql-ws (bench/ws-client.ts), act in the sandbox's
 * wallet (control API), and read what the gateway holds (/readyz `details`: pollers, poll timers,
 * fan-out listeners, pubsub topics).
 */
import type { RunningProcess } from './processes';
import type { GqlSocket } from './ws-client';

export const PREPARE_AUTH = 'mutation BenchPrepare { prepareApp2App(input: { type: AUTH }) { request { requestKey } userErrors { code message } } }';
export const FOLLOW = 'subscription BenchFollow($key: String!) { app2appRequest(requestKey: $key) { status } }';

/** What /readyz `details` says about App2App (src/app2app/index.ts). */
export interface App2AppHeld {
  app2appActivePollers: number;
  app2appWatchedKeys: number;
  app2appPollTimers: number;
  app2appSubscriptions: number;
  app2appTopics: number;
}

export async function gql<T>(gatewayUrl: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors || !body.data) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return body.data;
}

/** Prepares an AUTH request as the viewer of `token`; returns its key. */
export async function prepareKey(gatewayUrl: string, token: string): Promise<string> {
  const data = await gql<{ prepareApp2App: { request: { requestKey: string } | null; userErrors: unknown[] } }>(gatewayUrl, token, PREPARE_AUTH);
  const key = data.prepareApp2App.request?.requestKey;
  if (!key) throw new Error(`prepareApp2App refused: ${JSON.stringify(data.prepareApp2App.userErrors)}`);
  return key;
}

export async function control<T = unknown>(sandboxUrl: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandboxUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function held(gatewayUrl: string): Promise<App2AppHeld> {
  const res = await fetch(`${gatewayUrl}/readyz`);
  const { details } = (await res.json()) as { details: Record<string, unknown> };
  // Other domains add their own details (the Xoxoday grant): only App2App's counts here.
  return Object.fromEntries(Object.entries(details).filter(([key]) => key.startsWith('app2app'))) as unknown as App2AppHeld;
}

/** Waits until the gateway holds nothing for App2App; returns how long that took, ms. */
export async function heldDrainsToZero(gatewayUrl: string, timeoutMs = 60_000): Promise<{ ms: number; last: App2AppHeld }> {
  const started = performance.now();
  for (;;) {
    const last = await held(gatewayUrl);
    if (Object.values(last).every((n) => n === 0)) return { ms: Math.round(performance.now() - started), last };
    if (performance.now() - started > timeoutMs) return { ms: Math.round(performance.now() - started), last };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where a benchmark's processes are: the sandbox, the JWT secret of its gateways, a scratch directory. */
export interface BenchPlace {
  sandbox: RunningProcess;
  jwtSecret: string;
  tmp: string;
}

/** When a subscriber saw each status of its request (bench clock, ms), and how it ended. */
export class Follower {
  readonly seen = new Map<string, number>();
  ended = false;
  error?: unknown;
  private waiters: Array<{ status: string; resolve(): void; reject(err: Error): void }> = [];

  constructor(readonly key: string) {}

  start(socket: GqlSocket): void {
    socket.subscribe(FOLLOW, { key: this.key }, {
      next: (result, at) => {
        const status = (result.data as { app2appRequest?: { status: string } } | undefined)?.app2appRequest?.status;
        if (!status) {
          this.finish(new Error(`no status: ${JSON.stringify(result).slice(0, 300)}`));
          return;
        }
        if (!this.seen.has(status)) this.seen.set(status, at);
        this.waiters = this.waiters.filter((w) => (w.status === status ? (w.resolve(), false) : true));
      },
      end: (error) => this.finish(error),
    });
  }

  /** Resolves once `status` has been seen; rejects if the subscription ends first, or after `timeoutMs`. */
  waitFor(status: string, timeoutMs = 60_000): Promise<void> {
    if (this.seen.has(status)) return Promise.resolve();
    if (this.ended) return Promise.reject(new Error(`${this.key.slice(0, 8)}: ended before ${status} (${String(this.error)})`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.key.slice(0, 8)}: no ${status} within ${timeoutMs} ms (saw ${[...this.seen.keys()].join(', ')})`)), timeoutMs);
      this.waiters.push({
        status,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
    });
  }

  private finish(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    // A terminal status arrives before the server's complete: whoever waits for another one never gets it.
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`${this.key.slice(0, 8)}: ended before ${waiter.status} (${String(error ?? 'complete')})`));
  }
}

/** Runs `task` for every item with at most `concurrency` in flight (first failure rejects). */
export async function eachLimited<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i]!, i);
      }
    }),
  );
}

/** p-quantile of values (nearest rank), rounded to 0.1. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;
}

export const MB = 1024 * 1024;
export function mb(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Opens each key in the sandbox's wallet, waits until all its subscribers saw REQUESTED (so its poller
 * is back at the full pace), approves it after a random pause within one poll interval (a person
 * approves at any moment, not right after a poll) and returns, for every subscriber, the ms from just
 * before the approve call to COMPLETED arriving.
 */
export async function approveAndTime(sandboxUrl: string, all: Follower[], keys: string[], intervalMs = 1_000): Promise<number[]> {
  const followersOf = (key: string) => all.filter((f) => f.key === key);
  await eachLimited(keys, 8, async (key) => void (await control(sandboxUrl, 'POST', `/_sandbox/klip/a2a/${key}/open`)));
  await Promise.all(keys.flatMap(followersOf).map((f) => f.waitFor('REQUESTED')));
  const approvedAt = new Map<string, number>();
  await Promise.all(
    keys.map(async (key) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
      approvedAt.set(key, performance.now());
      await control(sandboxUrl, 'POST', `/_sandbox/klip/a2a/${key}/approve`, {});
    }),
  );
  const followers = keys.flatMap(followersOf);
  await Promise.all(followers.map((f) => f.waitFor('COMPLETED')));
  return followers.map((f) => f.seen.get('COMPLETED')! - approvedAt.get(f.key)!);
}
