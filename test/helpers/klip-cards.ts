/** Shared by the Klip cards tests: the sandbox's seeded holders and a clean starting point. */
import type { Stack } from './stack';

export const ALICE = '0xa11ce00000000000000000000000000000000001';
export const BOB = '0xb0b0000000000000000000000000000000000002';
export const CAROL = '0xca20100000000000000000000000000000000003';
export const BAPP = 'GET /klip/v2/wallet/bapp';
export const CARD_INFO = 'GET /klip/v2/wallet/card/:cardId';
export const HOLDER_CARDS = 'GET /klip-a2a/v2/a2a/cards';
export const LOGIN = 'POST /klip/v2/partner/auth';
export const MINT = 'POST /klip/v2/wallet/mint';

export const ADMIN = { sub: 'ops', admin: true } as const;

/**
 * Back to the seed with the gateway already logged in, no cached pages and zeroed stats, so that a
 * test counts only its own upstream calls. (A sandbox reset forgets issued tokens: the warm-up call
 * takes the gateway's one re-login.)
 */
export async function freshKlip(stack: Stack): Promise<void> {
  await stack.control('POST', '/_sandbox/reset');
  stack.gateway.services.cards.clearPageCache();
  const warm = await stack.gql('{ partnerCards(first: 1) { nodes { id } } }', undefined, ADMIN);
  if (warm.errors) throw new Error(`warm-up failed: ${JSON.stringify(warm.errors)}`);
  // The sandbox's cards are back to the seed: pages cached before the reset may hold cards since minted.
  await coldKlip(stack);
}

/** Forgets the gateway's cached Klip pages and zeroes the sandbox's counts: a test counts its own calls. */
export async function coldKlip(stack: Stack): Promise<void> {
  stack.gateway.services.cards.clearPageCache();
  await stack.control('DELETE', '/_sandbox/stats');
}

/** Links a viewer to a Klaytn address as the App2App AUTH flow would. */
export function link(stack: Stack, sub: string, address: string): Promise<void> {
  return stack.gateway.services.store.links.link(sub, address, 'test');
}
