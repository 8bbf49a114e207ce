/**
 * `npm run bench -- soak [--minutes=10]`: the gateway process under a moderate, steady mix for a while,
 * its heap after a full GC sampled each minute over the inspector (with RSS and open fds), and the
 * slope of a least-squares line through the samples, MB/min: flat when nothing accumulates.
 *
 * The mix (rates per second, `--query-rate=20 --mutation-rate=1 --subscription-rate=2`):
 * - queries in rotation: alice's wallet page (Kigo), partnerCards (Klip, admin), `viewer { id }` and a
 *   small wallet page as one of 50 soak viewers (their Kigo sessions, verified tokens, rate limiter keys);
 * - mutations: shareToken then cancelTokenShare on one of alice's shareable tokens (state unchanged
 *   after each pair), plus the prepareApp2App of every subscription cycle;
 * - subscription cycles: a soak viewer prepares an App2App request, opens a socket and follows it,
 *   then after 1–20 s either the person opens and approves it (half of them; the socket is closed
 *   after COMPLETED), rejects it (a fifth; then the socket is dropped), or the socket is dropped while
 *   the request is still waiting (the rest: the gateway must let go of its poller by itself).
 * Vouchers are left out: in production mode the gateway needs a real Xoxoday refresh token, which
 * the bench does not obtain. A warm-up of 30 s of the same mix comes before the first sample.
 */
import { control, Follower, gql, held, heldDrainsToZero, mb, MB, prepareKey } from './app2app-load';
import { numberFlag } from './flags';
import { sleep, startServerProcess, withSandboxProcess } from './gateway-process';
import { openInspector } from './inspector';
import { round } from './measure';
import type { ScenarioResult } from './scenario';
import { TOKENS_QUERY, PARTNER_CARDS_QUERY, viewerJwt } from './throughput-targets';
import { GqlSocket } from './ws-client';

const SOAK_VIEWERS = 50;
const WARMUP_MS = 30_000;
/** Cap on work in flight, so a slow gateway meets a backlog of at most this, not an ever-growing one. */
const MAX_IN_FLIGHT = 100;

interface Sample {
  minute: number;
  heapMb: number;
  rssMb: number;
  fds?: number;
  subscriptions: number;
}

export async function runSoak(argv: string[]): Promise<ScenarioResult> {
  const minutes = numberFlag(argv, 'minutes', 10);
  const rates = { query: numberFlag(argv, 'query-rate', 20), mutation: numberFlag(argv, 'mutation-rate', 1), subscription: numberFlag(argv, 'subscription-rate', 2) };
  const out = (line: string) => process.stdout.write(`  ${line}\n`);
  return withSandboxProcess('soak', async (group, { sandbox, jwtSecret, tmp }) => {
    // Production's quotas, all of them: the mix stays inside them.
    const gateway = await startServerProcess(group, { name: 'gateway', kind: 'gateway', env: { VIEWER_OPERATIONS_PER_SECOND: '20' } }, { sandboxUrl: sandbox.url, jwtSecret, tmp, nodeArgs: ['--inspect=127.0.0.1:0'] });
    const inspector = await openInspector(gateway.inspectorUrl!);
    const wsUrl = `${gateway.url.replace(/^http/, 'ws')}/graphql`;
    const alice = await viewerJwt(jwtSecret, 'alice');
    const admin = await viewerJwt(jwtSecret, 'bench-admin', ['admin']);
    const viewers = await Promise.all(Array.from({ length: SOAK_VIEWERS }, (_, i) => viewerJwt(jwtSecret, `bench-soak-${i}`)));
    const wallet = await gql<{ viewer: { tokens: { nodes: Array<{ tokenId: string; status: string; flags: { isShareable: boolean } }> } } }>(
      gateway.url,
      alice,
      '{ viewer { tokens(first: 26) { nodes { tokenId status flags { isShareable } } } } }',
    );
    const shareable = wallet.viewer.tokens.nodes.filter((t) => t.status === 'ACTIVE' && t.flags.isShareable).map((t) => t.tokenId).slice(0, 3);
    if (shareable.length === 0) throw new Error('alice has no ACTIVE shareable token to share and cancel');

    const counts = { queries: 0, mutations: 0, cycles: 0, errors: 0 };
    const firstErrors: string[] = [];
    const failed = (err: unknown) => {
      counts.errors++;
      if (firstErrors.length < 5) firstErrors.push(String(err instanceof Error ? err.message : err).slice(0, 200));
    };
    const queries: Array<(i: number) => Promise<unknown>> = [
      () => gql(gateway.url, alice, TOKENS_QUERY),
      () => gql(gateway.url, admin, PARTNER_CARDS_QUERY),
      (i) => gql(gateway.url, viewers[i % SOAK_VIEWERS]!, 'query SoakViewer { viewer { id } }'),
      (i) => gql(gateway.url, viewers[i % SOAK_VIEWERS]!, 'query SoakWallet { viewer { tokens(first: 5) { nodes { id name } } } }'),
    ];
    const share = async (i: number) => {
      const tokenId = shareable[i % shareable.length]!;
      await gql(gateway.url, alice, 'mutation SoakShare($id: ID!) { shareToken(input: { tokenId: $id }) { userErrors { code } } }', { id: tokenId });
      await gql(gateway.url, alice, 'mutation SoakCancel($id: ID!) { cancelTokenShare(input: { tokenId: $id }) { userErrors { code } } }', { id: tokenId });
      counts.mutations += 2;
    };
    const cycle = async (i: number) => {
      const token = viewers[i % SOAK_VIEWERS]!;
      const key = await prepareKey(gateway.url, token);
      counts.mutations++;
      const socket = await GqlSocket.connect(wsUrl, token);
      try {
        const follower = new Follower(key);
        follower.start(socket);
        await follower.waitFor('PREPARED');
        const lifetime = 1_000 + Math.random() * 19_000;
        const ending = Math.random();
        if (ending < 0.5) {
          await sleep(lifetime / 2);
          await control(sandbox.url, 'POST', `/_sandbox/klip/a2a/${key}/open`);
          await sleep(lifetime / 2);
          await control(sandbox.url, 'POST', `/_sandbox/klip/a2a/${key}/approve`, {});
          await follower.waitFor('COMPLETED', 30_000);
          await socket.close();
        } else if (ending < 0.7) {
          await sleep(lifetime);
          await control(sandbox.url, 'POST', `/_sandbox/klip/a2a/${key}/reject`);
          await follower.waitFor('CANCELED', 30_000);
        } else {
          await sleep(lifetime);
        }
        counts.cycles++;
      } finally {
        socket.drop();
      }
    };

    // Each kind of work at its rate, with at most MAX_IN_FLIGHT of it in flight.
    let running = true;
    const loops = (
      [
        [rates.query, (i: number) => queries[i % queries.length]!(Math.floor(i / queries.length)).then(() => void counts.queries++)],
        [rates.mutation, share],
        [rates.subscription, cycle],
      ] as const
    ).map(async ([perSecond, task]) => {
      const inFlight = new Set<Promise<void>>();
      const started = performance.now();
      for (let i = 0; running; i++) {
        const due = started + (i * 1000) / perSecond;
        if (due > performance.now()) await sleep(due - performance.now());
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        const work: Promise<void> = task(i).then(
          () => void inFlight.delete(work),
          (err: unknown) => {
            inFlight.delete(work);
            failed(err);
          },
        );
        inFlight.add(work);
      }
      await Promise.all(inFlight);
    });

    out(`gateway ${gateway.url}, sandbox ${sandbox.url}; per second: ${rates.query} queries, ${rates.mutation} share+cancel pairs, ${rates.subscription} subscription cycles; warm-up ${WARMUP_MS / 1000} s, then ${minutes} min`);
    await sleep(WARMUP_MS);
    const samples: Sample[] = [];
    const started = performance.now();
    for (let minute = 0; minute <= minutes; minute++) {
      if (minute > 0) await sleep(started + minute * 60_000 - performance.now());
      const heap = await inspector.heapAfterGc();
      const rss = gateway.rssBytes() ?? 0;
      const now = await held(gateway.url);
      samples.push({ minute, heapMb: round(heap / MB, 1), rssMb: round(rss / MB, 1), fds: gateway.openFds(), subscriptions: now.app2appSubscriptions });
      out(
        `minute ${String(minute).padStart(2)}: heap after GC ${mb(heap)}, RSS ${mb(rss)}, ${gateway.openFds() ?? '?'} fds, ${now.app2appSubscriptions} subscriptions, ${now.app2appActivePollers} pollers open; ` +
          `so far ${counts.queries} queries, ${counts.mutations} mutations, ${counts.cycles} subscription cycles, ${counts.errors} errors`,
      );
    }
    running = false;
    await Promise.all(loops);
    const drained = await heldDrainsToZero(gateway.url);
    const endHeap = await inspector.heapAfterGc();
    inspector.close();
    const heapSlope = slope(samples.map((s) => [s.minute, s.heapMb]));
    const rssSlope = slope(samples.map((s) => [s.minute, s.rssMb]));
    out(`stopped: the gateway held nothing after ${drained.ms} ms (${JSON.stringify(drained.last)}); heap after GC ${mb(endHeap)}`);
    if (firstErrors.length > 0) out(`first errors: ${firstErrors.join(' | ')}`);
    return {
      metrics: {
        minutes,
        'operations (queries / mutations / subscription cycles / errors)': `${counts.queries} / ${counts.mutations} / ${counts.cycles} / ${counts.errors}`,
        'heap after GC, first / last sample': `${samples[0]!.heapMb} / ${samples.at(-1)!.heapMb} MB`,
        'heap after GC slope (goal: flat)': `${round(heapSlope, 3)} MB/min`,
        'RSS first / last, slope': `${samples[0]!.rssMb} / ${samples.at(-1)!.rssMb} MB, ${round(rssSlope, 3)} MB/min`,
        'held after the load stopped (pollers, timers, listeners, topics)': `${drained.last.app2appActivePollers}, ${drained.last.app2appPollTimers}, ${drained.last.app2appSubscriptions}, ${drained.last.app2appTopics}`,
        'process warnings the gateway printed': gateway.warnings().length === 0 ? 'none' : gateway.warnings().map((w) => w.slice(0, 160)).join(' | '),
      },
      details: { rates, samples, counts, firstErrors },
    };
  });
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxy / sxx;
}
