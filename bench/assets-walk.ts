/**
 * `npm run bench -- assets-walk`: upstream calls per full walk of alice's holdings (her 26 Kigo tokens,
 * 234 cards at her linked address over three Klip pages, the 3 codes of two voucher orders), walking
 * the three lists separately (`viewer.tokens`, `viewer.cards`, `viewer.voucherOrders`) and as one
 * (`viewer.assets`), 20 a page, each from a cold card page cache; then both backward.
 */
import { PlaceVoucherOrderDocument, VoucherOrdersBothWaysDocument, ViewerAssetsDocument, ViewerCardsDocument, WalletTokensBothWaysDocument } from '../test/generated/graphql';
import { ALICE, coldKlip } from '../test/helpers/klip-cards';
import { connectionReader, walkBackward, walkForward, type ReadPage } from '../test/helpers/paging';
import type { GqlResult, Stack } from '../test/helpers/stack';
import { toGlobalId } from '../src/schema/global-id';
import type { Scenario } from './scenario';

const PAGE = 20;

function check(res: GqlResult): void {
  if (res.errors) throw new Error(`operation failed: ${JSON.stringify(res.errors)}`);
}

/** A reader of one connection of alice's, picked out of the answer by `path`. */
function reader(stack: Stack, document: Parameters<Stack['gql']>[0], path: Parameters<typeof connectionReader<unknown>>[1]): ReadPage<unknown> {
  return connectionReader((args) => stack.gql(document, args, { sub: 'alice' }), path);
}

/** Upstream calls by provider since the stats were last cleared. */
function calls(stack: Stack): { kigo: number; klip: number; xoxoday: number; total: number } {
  const requests = stack.sandbox.stats.toJSON().requests as Record<string, number>;
  const sum = (prefix: string) => Object.entries(requests).filter(([route]) => route.split(' ')[1]!.startsWith(prefix)).reduce((n, [, c]) => n + c, 0);
  const kigo = sum('/kigo/');
  const klip = sum('/klip');
  const xoxoday = sum('/xoxoday/');
  return { kigo, klip, xoxoday, total: kigo + klip + xoxoday };
}

const show = (c: ReturnType<typeof calls>, requests: number) => `${c.total} (Kigo ${c.kigo}, Klip ${c.klip}, Xoxoday ${c.xoxoday}) in ${requests} requests`;

export const assetsWalk: Scenario = {
  name: 'assets-walk',
  description: "upstream calls per full walk of alice's holdings, 20 a page: the three lists separately vs viewer.assets, forward and backward",
  async run(stack) {
    await stack.gateway.services.store.links.link('alice', ALICE, 'bench');
    await stack.control('POST', `/_sandbox/klip/holders/${ALICE}/cards`, { count: 150 });
    for (const [key, quantity] of [['bench-assets-1', 2], ['bench-assets-2', 1]] as const) {
      check(await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: toGlobalId('Voucher', '10002'), denomination: '25.00', quantity, idempotencyKey: key } }, { sub: 'alice' }));
    }
    // Sessions and catalog warm, as in steady use: the walks count page calls, not logins.
    check(await stack.gql('{ viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' }));

    await coldKlip(stack);
    const tokens = await walkForward(reader(stack, WalletTokensBothWaysDocument, (d) => d.viewer.tokens), PAGE);
    const cards = await walkForward(reader(stack, ViewerCardsDocument, (d) => d.viewer.cards), PAGE);
    const orders = await walkForward(reader(stack, VoucherOrdersBothWaysDocument, (d) => d.viewer.voucherOrders), PAGE);
    const separate = calls(stack);
    const separateRequests = tokens.length + cards.length + orders.length;
    const holdings = tokens.flatMap((p) => p.items).length + cards.flatMap((p) => p.items).length;

    // The same lists walked back from their ends, each from a cold page cache (the cursor chain of the walk above is kept).
    await coldKlip(stack);
    const backLists = [
      await walkBackward(reader(stack, WalletTokensBothWaysDocument, (d) => d.viewer.tokens), PAGE),
      await walkBackward(reader(stack, ViewerCardsDocument, (d) => d.viewer.cards), PAGE),
      await walkBackward(reader(stack, VoucherOrdersBothWaysDocument, (d) => d.viewer.voucherOrders), PAGE),
    ];
    const separateBackward = calls(stack);

    await coldKlip(stack);
    const assets = reader(stack, ViewerAssetsDocument, (d) => d.viewer.assets);
    const forward = await walkForward(assets, PAGE);
    const unified = calls(stack);
    await stack.control('DELETE', '/_sandbox/stats');
    const backWarm = await walkBackward(assets, PAGE);
    const backwardWarm = calls(stack);
    await coldKlip(stack);
    const backCold = await walkBackward(assets, PAGE);
    const backwardCold = calls(stack);

    return {
      metrics: {
        'holdings (tokens + cards + codes)': `${holdings} + ${forward.flatMap((p) => p.items).length - holdings} codes`,
        'separately: upstream calls per full walk': show(separate, separateRequests),
        'viewer.assets forward: upstream calls': show(unified, forward.length),
        'separately backward, cold cache: calls': show(separateBackward, backLists.reduce((n, pages) => n + pages.length, 0)),
        'viewer.assets backward right after: calls': show(backwardWarm, backWarm.length),
        'viewer.assets backward, cold cache: calls': show(backwardCold, backCold.length),
      },
    };
  },
};
