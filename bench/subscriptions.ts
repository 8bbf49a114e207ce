/**
 * `npm run bench -- subscriptions`: many graphql-ws subscriptions on one gateway process, and what
 * App2App polling costs at the upstream (issue 13, points 3 and 4). The sandbox and each gateway run
 * as their own processes (built `dist/`, production mode); the gateway under load is started with
 * `--inspect=127.0.0.1:0` so that this process reads its heap after a full GC over the inspector, and
 * its RSS and open file descriptors from /proc.
 *
 * Part `load` (default 10,000 subscriptions): viewers, each with `--keys-per-viewer` App2App requests
 * prepared through the gateway, each following all of them from `--per-key` sockets (so every request
 * has `--per-key` subscribers, and the gateway one poller per request). After a warm-up round (the
 * whole cycle on a tenth as many other viewers, so that code V8 compiles under load and lazily built
 * caches are not counted as growth), the heap after GC is the start. Then the ramp, the figures at full load, a sample of requests opened
 * and approved in the sandbox's wallet (time from the approve call to COMPLETED on each of their
 * subscribers), every socket dropped (no close frame), and what the gateway still holds; then the
 * same again (`--cycles`).
 *
 * Part `idle` (idle-polling.ts): Klip result calls per minute for 300 requests nobody opens, adaptive
 * polling on and off, side by side in one run.
 *
 * Options (`--name=value` after `subscriptions`):
 *   --subscriptions=10000   subscriptions at full load (rounded up to whole viewers)
 *   --per-key=10            subscribers of each request (= sockets per viewer)
 *   --keys-per-viewer=2     requests per viewer (= subscriptions per socket)
 *   --approve=100           requests opened and approved for the delivery sample (each has --per-key subscribers)
 *   --cycles=2              ramp, sample, drop: this many times, the same viewers with fresh requests; the
 *                           heap after GC at the end of each (a leak grows from one cycle's end to the next;
 *                           code V8 compiled and caches filled during the first do not)
 *   --parts=load,idle       which parts to run
 *   --heap-snapshots        heap snapshots at the start and the end, and the groups of objects that grew
 *                           (taking one costs the gateway RSS: the figures after it are not comparable)
 *   --idle-requests=300 --idle-window=30   see idle-polling.ts
 * Quotas are set for the shape by configuration (WS_SOCKETS_PER_VIEWER, WS_SUBSCRIPTIONS_PER_SOCKET,
 * APP2APP_WATCHED_KEYS_PER_VIEWER); the per-viewer operation rate stays at production's 20/s.
 */
import { approveAndTime, eachLimited, Follower, held, heldDrainsToZero, mb, MB, percentile, prepareKey, type App2AppHeld, type BenchPlace } from './app2app-load';
import { startServerProcess, withSandboxProcess } from './gateway-process';
import { heapGroups, heapGrowth } from './heap-diff';
import { openInspector, type InspectorSession } from './inspector';
import { round } from './measure';
import type { ProcessGroup, RunningProcess } from './processes';
import { runIdlePolling } from './idle-polling';
import { numberFlag, stringFlag } from './flags';
import type { ScenarioResult } from './scenario';
import { viewerJwt } from './throughput-targets';
import { GqlSocket } from './ws-client';

interface LoadOptions {
  subscriptions: number;
  perKey: number;
  keysPerViewer: number;
  approve: number;
  /** Heap snapshots at the start and the end, and what grew between them. */
  heapSnapshots: boolean;
  /** Ramp, approve, drop: this many times. */
  cycles: number;
}

interface Cycle {
  rampSeconds: number;
  full: Snapshot;
  fullHeld: App2AppHeld;
  delivery: { p50: number; p99: number; max: number; count: number; requests: number };
  drained: { ms: number; last: App2AppHeld };
  dropSeconds: number;
  end: Snapshot;
}

/** Sockets opened at once during the ramp. */
const OPENING_AT_ONCE = 50;

export async function runSubscriptions(argv: string[]): Promise<ScenarioResult> {
  const parts = (stringFlag(argv, 'parts') ?? 'load,idle').split(',');
  return withSandboxProcess('subs', async (group, place) => {
    const metrics: Record<string, string | number> = {};
    const details: Record<string, unknown> = {};
    if (parts.includes('load')) {
      const options: LoadOptions = {
        subscriptions: numberFlag(argv, 'subscriptions', 10_000),
        perKey: numberFlag(argv, 'per-key', 10),
        keysPerViewer: numberFlag(argv, 'keys-per-viewer', 2),
        approve: numberFlag(argv, 'approve', 100),
        heapSnapshots: stringFlag(argv, 'heap-snapshots') !== undefined,
        cycles: numberFlag(argv, 'cycles', 2),
      };
      const load = await runLoad(group, place, options);
      Object.assign(metrics, load.metrics);
      details.load = load.details;
    }
    if (parts.includes('idle')) {
      const idle = await runIdlePolling(group, place, argv);
      Object.assign(metrics, idle.metrics);
      details.idle = idle.details;
    }
    return { metrics, details };
  });
}

interface Viewer {
  sub: string;
  token: string;
  keys: string[];
  sockets: GqlSocket[];
  followers: Follower[];
}

async function runLoad(group: ProcessGroup, place: BenchPlace, options: LoadOptions): Promise<ScenarioResult> {
  const out = (line: string) => process.stdout.write(`  ${line}\n`);
  const { perKey, keysPerViewer } = options;
  const viewerCount = Math.ceil(options.subscriptions / (perKey * keysPerViewer));
  const total = viewerCount * perKey * keysPerViewer;
  const gateway = await startServerProcess(
    group,
    {
      name: 'gateway',
      kind: 'gateway',
      env: {
        WS_SOCKETS_PER_VIEWER: String(perKey),
        WS_SUBSCRIPTIONS_PER_SOCKET: String(keysPerViewer),
        APP2APP_WATCHED_KEYS_PER_VIEWER: String(keysPerViewer),
        APP2APP_PREPARES_PER_MINUTE: String(Math.max(20, keysPerViewer)),
        VIEWER_OPERATIONS_PER_SECOND: '20',
      },
    },
    { sandboxUrl: place.sandbox.url, jwtSecret: place.jwtSecret, tmp: place.tmp, nodeArgs: ['--inspect=127.0.0.1:0'] },
  );
  const inspector = await openInspector(gateway.inspectorUrl!);
  try {
    const wsUrl = `${gateway.url.replace(/^http/, 'ws')}/graphql`;
    out(`gateway ${gateway.url} (pid's inspector attached), sandbox ${place.sandbox.url}`);
    out(`shape: ${viewerCount} viewers × ${keysPerViewer} requests, each followed from ${perKey} sockets → ${viewerCount * keysPerViewer} requests (pollers), ${viewerCount * perKey} sockets, ${total} subscriptions`);

    const makeViewers = async (prefix: string, n: number): Promise<Viewer[]> =>
      Promise.all(Array.from({ length: n }, async (_, i) => ({ sub: `${prefix}-${i}`, token: await viewerJwt(place.jwtSecret, `${prefix}-${i}`), keys: [], sockets: [], followers: [] })));
    const prepareAll = async (viewers: Viewer[]) => {
      const jobs = viewers.flatMap((v) => Array.from({ length: keysPerViewer }, () => v));
      await eachLimited(jobs, 16, async (v) => void v.keys.push(await prepareKey(gateway.url, v.token)));
    };
    const openSockets = async (viewers: Viewer[], onSocket?: (done: number) => Promise<void>) => {
      // Round-robin over viewers: each viewer's sockets spread over the ramp, as real clients would.
      const jobs = Array.from({ length: perKey }, () => viewers).flat();
      let done = 0;
      await eachLimited(jobs, OPENING_AT_ONCE, async (v) => {
        const socket = await GqlSocket.connect(wsUrl, v.token);
        v.sockets.push(socket);
        const followers = v.keys.map((key) => new Follower(key));
        v.followers.push(...followers);
        for (const f of followers) f.start(socket);
        await Promise.all(followers.map((f) => f.waitFor('PREPARED')));
        await onSocket?.(++done);
      });
    };

    // Warm-up: one whole cycle on other viewers (a tenth as many), then nothing held. A smaller one
    // leaves V8 compiling the hot paths during the ramp: that code (and its feedback and deopt data)
    // then shows as growth of the heap after GC from start to end, though no object of ours is left.
    const warm = await makeViewers('bench-warm', Math.max(2, Math.round(viewerCount / 10)));
    await prepareAll(warm);
    await openSockets(warm);
    await approveAndTime(place.sandbox.url, warm.flatMap((v) => v.followers), warm.slice(0, Math.max(1, Math.round(options.approve / 10))).map((v) => v.keys[0]!));
    for (const v of warm) for (const s of v.sockets) s.drop();
    const warmDrain = await heldDrainsToZero(gateway.url);
    if (!allZero(warmDrain.last)) throw new Error(`after the warm-up the gateway still holds ${JSON.stringify(warmDrain.last)}`);
    const start = await snapshot(gateway, inspector, true);
    out(`start (after a warm-up cycle): ${describe(start)}`);
    const startGroups = options.heapSnapshots ? heapGroups(await inspector.heapSnapshot()) : undefined;

    // The same viewers (so caches keyed by viewer, such as verified tokens, are full after cycle 1),
    // fresh requests each cycle: what a cycle leaves behind shows as growth from one cycle's end to the next.
    const viewers = await makeViewers('bench-sub', viewerCount);
    const socketCount = viewerCount * perKey;
    const cycles: Cycle[] = [];
    for (let c = 1; c <= options.cycles; c++) {
      for (const v of viewers) {
        v.keys = [];
        v.sockets = [];
        v.followers = [];
      }
      const preparing = performance.now();
      await prepareAll(viewers);
      out(`cycle ${c}: prepared ${viewerCount * keysPerViewer} requests through the gateway in ${round((performance.now() - preparing) / 1000, 1)} s`);

      const ramping = performance.now();
      const steps = new Set([1, 2, 3].map((q) => Math.round((q * socketCount) / 4)));
      await openSockets(viewers, async (done) => {
        if (!steps.has(done)) return;
        const at = await snapshot(gateway, inspector, false);
        out(`ramp ${String(done * keysPerViewer).padStart(6)} subscriptions at ${round((performance.now() - ramping) / 1000, 1)} s: ${describe(at)} (heap without GC)`);
      });
      const rampSeconds = round((performance.now() - ramping) / 1000, 1);
      const full = await snapshot(gateway, inspector, true);
      const fullHeld = await held(gateway.url);
      out(`ramp ${String(total).padStart(6)} subscriptions at ${rampSeconds} s: ${describe(full)}`);
      out(`held at full load: ${JSON.stringify(fullHeld)}`);

      // Delivery: a sample of requests opened in the wallet (REQUESTED reaches their subscribers), then approved.
      const step = Math.max(1, Math.floor(viewers.length / Math.max(1, options.approve)));
      const sampleViewers = viewers.filter((_, i) => i % step === 0).slice(0, options.approve);
      const sampleKeys = sampleViewers.map((v) => v.keys[0]!);
      const latencies = await approveAndTime(place.sandbox.url, sampleViewers.flatMap((v) => v.followers), sampleKeys);
      const delivery = { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: percentile(latencies, 1), count: latencies.length, requests: sampleKeys.length };
      out(`approved ${sampleKeys.length} opened requests: ${latencies.length} deliveries, approve → COMPLETED p50 ${delivery.p50} ms, p99 ${delivery.p99} ms, max ${delivery.max} ms (poll interval 1000 ms)`);

      // Every socket dropped at once, no close frame.
      const dropping = performance.now();
      for (const v of viewers) for (const sock of v.sockets) sock.drop();
      const drained = await heldDrainsToZero(gateway.url);
      const dropSeconds = round((performance.now() - dropping) / 1000, 1);
      const end = await snapshot(gateway, inspector, true);
      out(`all ${socketCount} sockets dropped; the gateway held nothing after ${dropSeconds} s: ${JSON.stringify(drained.last)}`);
      out(`end of cycle ${c}: ${describe(end)}; heap after GC ${round((end.heap / start.heap) * 100 - 100, 1)} % vs start`);
      cycles.push({ rampSeconds, full, fullHeld, delivery, drained, dropSeconds, end });
    }
    if (startGroups) {
      out('grown from start to the end (heap snapshots; type:constructor, count, self bytes):');
      for (const g of heapGrowth(startGroups, heapGroups(await inspector.heapSnapshot()))) out(`  ${g.group.padEnd(60)} ${String(g.count).padStart(8)} ${String(g.bytes).padStart(10)}`);
    }

    const perSubscription = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '?' : `${round((a - b) / total / 1024, 1)} KB`);
    const first = cycles[0]!;
    const last = cycles.at(-1)!;
    const pct = (a: number, b: number) => `${round((a / b) * 100 - 100, 1)} %`;
    return {
      metrics: {
        'subscriptions / sockets / requests (pollers)': `${total} / ${socketCount} / ${viewerCount * keysPerViewer}`,
        'ramp seconds (each cycle)': cycles.map((c) => c.rampSeconds).join(' / '),
        'gateway RSS at full load (goal ≤ 512 MB)': cycles.map((c) => mb(c.full.rss)).join(' / '),
        'gateway heap after GC at full load': cycles.map((c) => mb(c.full.heap)).join(' / '),
        'per subscription (cycle 1): heap / RSS': `${perSubscription(first.full.heap, start.heap)} / ${perSubscription(first.full.rss, start.rss)}`,
        'open fds: start / full / end (cycle 1)': `${start.fds} / ${first.full.fds} / ${first.end.fds}`,
        'approve → delivery p50 / p99 / max ms': cycles.map((c) => `${c.delivery.p50} / ${c.delivery.p99} / ${c.delivery.max}`).join('; ') + ` (${first.delivery.count} subscribers of ${first.delivery.requests} requests a cycle)`,
        'after dropping every socket: pollers, timers, listeners, topics': cycles.map((c) => `${c.drained.last.app2appActivePollers}, ${c.drained.last.app2appPollTimers}, ${c.drained.last.app2appSubscriptions}, ${c.drained.last.app2appTopics} (after ${c.dropSeconds} s)`).join('; '),
        'heap after GC: start, then the end of each cycle': [start, ...cycles.map((c) => c.end)].map((x) => mb(x.heap)).join(' / '),
        'heap after GC, end vs start (goal ± 10 %)': cycles.map((c) => pct(c.end.heap, start.heap)).join(' / '),
        ...(cycles.length > 1 ? { 'heap after GC, last cycle end vs first cycle end': pct(last.end.heap, first.end.heap) } : {}),
        'process warnings the gateway printed': gateway.warnings().length === 0 ? 'none' : gateway.warnings().map((w) => w.slice(0, 160)).join(' | '),
      },
      details: { options, viewers: viewerCount, start, cycles },
    };
  } finally {
    inspector.close();
    await gateway.stop();
  }
}

interface Snapshot {
  rss?: number;
  heap: number;
  fds?: number;
}

async function snapshot(gateway: RunningProcess, inspector: InspectorSession, gc: boolean): Promise<Snapshot> {
  const heap = gc ? await inspector.heapAfterGc() : await inspector.heapUsed();
  return { rss: gateway.rssBytes(), heap, fds: gateway.openFds() };
}

function describe(s: Snapshot): string {
  return `RSS ${mb(s.rss)}, heap ${(s.heap / MB).toFixed(1)} MB, ${s.fds ?? '?'} fds`;
}

function allZero(h: App2AppHeld): boolean {
  return Object.values(h).every((n) => n === 0);
}
