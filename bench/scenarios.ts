/** The benchmark scenarios. Each returns named metrics measured in one run. */
import {
  App2AppRequestUpdatesDocument,
  PartnerCardsDocument,
  PrepareApp2AppDocument,
  VoucherIdsDocument,
  VoucherNodesDocument,
  VouchersDocument,
  WalletAndNodesDocument,
  WalletTokensDocument,
} from '../test/generated/graphql';
import { startStack, subscribe, type GqlResult, type Stack } from '../test/helpers/stack';
import { round, timed } from './measure';
import { assetsWalk } from './assets-walk';
import { probes } from './probes';

import type { Scenario } from './scenario';

export type { Scenario, ScenarioResult } from './scenario';

function check(res: { errors?: unknown[] }): void {
  if (res.errors) throw new Error(`operation failed: ${JSON.stringify(res.errors)}`);
}

const viewer: Scenario = {
  name: 'viewer',
  description: 'the gateway alone: `viewer { id }` over HTTP, 20 in flight (no upstream involved)',
  async run(stack) {
    const token = await stack.token('alice');
    await stack.gql('{ viewer { id } }', undefined, { token });
    const t = await timed(2000, 20, async () => check(await stack.gql('query Bench { viewer { id } }', undefined, { token })));
    return { metrics: { 'operations/s': t.perSecond, 'p50 ms': t.p50ms, 'p95 ms': t.p95ms, 'upstream calls': stack.sandbox.stats.count('') } };
  },
};

/** Walks every partner card with `first`, returning the page calls Klip served. */
async function walkPartnerCards(stack: Stack, first: number): Promise<{ cards: number; pageCalls: number; seconds: number }> {
  await stack.control('DELETE', '/_sandbox/stats');
  const started = performance.now();
  let after: string | null = null;
  let cards = 0;
  for (;;) {
    const res: GqlResult = await stack.gql(PartnerCardsDocument, { first, after }, { sub: 'ops', admin: true });
    check(res);
    cards += res.data.partnerCards.edges.length;
    if (!res.data.partnerCards.pageInfo.hasNextPage) break;
    after = res.data.partnerCards.pageInfo.endCursor;
  }
  return { cards, pageCalls: stack.sandbox.stats.count('GET /klip/v2/wallet/bapp'), seconds: round((performance.now() - started) / 1000, 3) };
}

const cardWalk: Scenario = {
  name: 'card-walk',
  description: 'all 250 partner cards in pages of 20: Klip page calls with the page cache, and with it off',
  async run(stack) {
    const cached = await walkPartnerCards(stack, 20);
    const uncachedStack = await startStack({ sandbox: stack.sandbox, env: { LOG_LEVEL: 'warn', KLIP_PAGE_CACHE_TTL_SECONDS: '0' } });
    try {
      const uncached = await walkPartnerCards(uncachedStack, 20);
      return {
        metrics: {
          'cards returned': cached.cards,
          'GraphQL requests (naive: one Klip call each)': Math.ceil(cached.cards / 20),
          'Klip page calls (cache on)': cached.pageCalls,
          'Klip page calls (cache off)': uncached.pageCalls,
          'calls saved vs naive': `${round(Math.ceil(cached.cards / 20) / cached.pageCalls, 2)}x`,
          'walk seconds (cache on / off)': `${cached.seconds} / ${uncached.seconds}`,
        },
      };
    } finally {
      await uncachedStack.stop();
    }
  },
};

/** Result polls while `subscribers` watch one request until approved, and how many poll intervals that took. */
async function app2appPolls(stack: Stack, subscribers: number, intervalMs: number): Promise<{ polls: number; intervals: number }> {
  const viewer = { sub: `bench-${subscribers}` };
  const prepared = await stack.gql(PrepareApp2AppDocument, { input: { type: 'AUTH' } }, viewer);
  check(prepared);
  const requestKey: string = prepared.data.prepareApp2App.request.requestKey;
  await stack.control('DELETE', '/_sandbox/stats');
  const started = performance.now();
  const clients = Array.from({ length: subscribers }, () => stack.wsClient(viewer));
  const subs = clients.map((c) => subscribe(c, App2AppRequestUpdatesDocument, { requestKey }));
  await Promise.all(subs.map((s) => s.waitFor(1)));
  await new Promise((r) => setTimeout(r, 500));
  await stack.control('POST', `/_sandbox/klip/a2a/${requestKey}/approve`, {});
  await Promise.all(subs.map((s) => s.done));
  const intervals = (performance.now() - started) / intervalMs;
  const polls = stack.sandbox.stats.count('GET /klip-a2a/v2/a2a/result');
  await Promise.all(clients.map((c) => c.dispose()));
  return { polls, intervals: round(intervals, 1) };
}

const app2appFanOut: Scenario = {
  name: 'app2app-fanout',
  description: 'one App2App request watched by 1 and by 200 subscribers until approved: Klip result polls',
  env: { APP2APP_POLL_INTERVAL_MS: '100', UPSTREAM_RETRIES: '0', WS_SOCKETS_PER_VIEWER: '0' },
  async run(stack) {
    const one = await app2appPolls(stack, 1, 100);
    const many = await app2appPolls(stack, 200, 100);
    return {
      metrics: {
        'polls / poll intervals, 1 subscriber': `${one.polls} / ${one.intervals} = ${round(one.polls / one.intervals)}`,
        'polls / poll intervals, 200 subscribers': `${many.polls} / ${many.intervals} = ${round(many.polls / many.intervals)}`,
        'naive polls (one poller per subscriber)': round(200 * many.intervals, 0),
      },
    };
  },
};

const kigoWallet: Scenario = {
  name: 'kigo-wallet',
  description: 'Kigo: sessions for a new viewer under 50 concurrent queries; a page plus node(id)s of its tokens in one request',
  async run(stack) {
    const calls = (route: string) => stack.sandbox.stats.count(route);
    const token = await stack.token('bench-kigo');
    const burst = await timed(50, 50, async () => check(await stack.gql(WalletTokensDocument, { first: 10 }, { token })));
    const sessions = { partner: calls('POST /kigo/api/v1/auth/partner'), user: calls('POST /kigo/api/v1/auth/user') };
    // alice's whole wallet, then every one of its tokens again by global id, in one operation.
    const alice = await stack.token('alice');
    const page = await stack.gql(WalletTokensDocument, { first: 26 }, { token: alice });
    check(page);
    const ids: string[] = page.data.viewer.tokens.nodes.map((n: { id: string }) => n.id);
    await stack.control('DELETE', '/_sandbox/stats');
    check(await stack.gql(WalletAndNodesDocument, { first: 26, ids }, { token: alice }));
    const walletCalls = calls('GET /kigo/api/v1/wallet/tokens');
    const byIdCalls = calls('GET /kigo/api/v1/wallet/tokens/:tokenId');
    const steady = await timed(500, 20, async () => check(await stack.gql(WalletTokensDocument, { first: 20 }, { token: alice })));
    return {
      metrics: {
        'concurrent first queries of a new viewer': 50,
        'partner / user session calls for them': `${sessions.partner} / ${sessions.user}`,
        'tokens listed + fetched again by id': `${ids.length} + ${ids.length}`,
        'Kigo calls for that request (list / by id)': `${walletCalls} / ${byIdCalls}`,
        'naive Kigo calls (one per token)': ids.length + 1,
        'first-burst p95 ms': burst.p95ms,
        'wallet page (20) operations/s, 20 in flight': steady.perSecond,
        'wallet page p50 / p95 ms': `${steady.p50ms} / ${steady.p95ms}`,
      },
    };
  },
};

const voucherCatalog: Scenario = {
  name: 'voucher-catalog',
  description: 'Xoxoday: 1,000 catalog queries over pages and filters, and 50 vouchers by id, against the 500-a-day getVouchers quota',
  async run(stack) {
    const token = await stack.token('bench-vouchers');
    const ops = async () => ((await stack.control('GET', '/_sandbox/xoxoday/ops')) as { ops: Record<string, number> }).ops.getVouchers ?? 0;
    const filters = [undefined, { country: 'IN' }, { currency: 'USD' }, { name: 'gift' }, { deliveryType: 'REALTIME' }, { minPrice: 10, maxPrice: 100 }];
    const t = await timed(1000, 20, async (i) => {
      const res = await stack.gql(VoucherIdsDocument, { first: 10 + (i % 5) * 10, filter: filters[i % filters.length] }, { token });
      check(res);
    });
    const catalogCalls = await ops();
    const ids: string[] = [];
    let after: string | null = null;
    while (ids.length < 50) {
      const res: GqlResult = await stack.gql(VouchersDocument, { first: 50, after }, { token });
      check(res);
      ids.push(...res.data.vouchers.edges.map((e: { node: { id: string } }) => e.node.id));
      after = res.data.vouchers.pageInfo.endCursor;
    }
    const before = await ops();
    check(await stack.gql(VoucherNodesDocument, { ids: ids.slice(0, 50) }, { token }));
    return {
      metrics: {
        'catalog queries': 1000,
        'getVouchers calls for them': catalogCalls,
        'daily quota used': `${round((catalogCalls / 500) * 100, 1)}%`,
        'catalog operations/s, 20 in flight': t.perSecond,
        'catalog p50 / p95 ms': `${t.p50ms} / ${t.p95ms}`,
        'getVouchers calls for nodes(50 voucher ids)': (await ops()) - before,
      },
    };
  },
};

export const SCENARIOS: Scenario[] = [viewer, kigoWallet, cardWalk, app2appFanOut, voucherCatalog, probes, assetsWalk];
