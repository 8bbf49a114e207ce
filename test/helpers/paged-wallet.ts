/**
 * The lists the client-library paging tests walk, made long enough for many small pages: 30 more
 * cards minted to alice's address (so her Klip listing spans two of Klip's 100-card pages, and the
 * partner contract holds 280 cards over three), alice linked to that address, and two voucher orders
 * (5 codes) placed as alice. Alice's wallet then holds 26 Kigo tokens, 114 cards and 5 voucher codes.
 */
import { toGlobalId } from '../../src/schema/global-id';
import { ALICE, link } from './klip-cards';
import type { GqlResult, Stack } from './stack';

export const PARTNER_CARD_COUNT = 280;
export const ALICE_HOLDINGS = { tokens: 26, cards: 114, voucherCodes: 5 } as const;

const PLACE_ORDER = `mutation ($input: PlaceVoucherOrderInput!) {
  placeVoucherOrder(input: $input) { order { id codes { code } } userErrors { code message } }
}`;

export async function seedPagedWallet(stack: Stack): Promise<void> {
  await stack.control('POST', `/_sandbox/klip/holders/${ALICE}/cards`, { count: 30 });
  stack.gateway.services.cards.clearPageCache();
  await link(stack, 'alice', ALICE);
  for (const [key, quantity] of [['paging-1', 3], ['paging-2', 2]] as const) {
    const input = { voucherId: toGlobalId('Voucher', '10002'), denomination: '25.00', quantity, idempotencyKey: key };
    const res = await stack.gql(PLACE_ORDER, { input }, { sub: 'alice' });
    if (res.errors || res.data.placeVoucherOrder.userErrors.length) throw new Error(`voucher order: ${JSON.stringify(res.errors ?? res.data)}`);
  }
}

/** Card ids "1" to "n", the partner contract's order. */
export const cardRange = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

/** The values that occur more than once, to name duplicates in a failure. */
export function repeated<T>(values: T[]): T[] {
  const seen = new Set<T>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/**
 * Alice's tokens and cards by global id, each list read on its own in pages of 100, forward: what
 * `viewer.assets` must hold, in this order, before her voucher codes.
 */
export async function aliceTokenAndCardIds(stack: Stack): Promise<{ tokens: string[]; cards: string[] }> {
  const walk = async (field: 'tokens' | 'cards') => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const query = `query ($after: String) { viewer { ${field}(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
      const res: GqlResult = await stack.gql(query, { after }, { sub: 'alice' });
      if (res.errors) throw new Error(`viewer.${field}: ${JSON.stringify(res.errors)}`);
      const connection: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.data.viewer[field];
      ids.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) return ids;
      after = connection.pageInfo.endCursor;
    }
    throw new Error(`viewer.${field} never ended`);
  };
  return { tokens: await walk('tokens'), cards: await walk('cards') };
}
