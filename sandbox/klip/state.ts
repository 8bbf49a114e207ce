/**
 * Everything the Klip emulation remembers, in one place so that `reset()` returns all of it to the
 * seed: the partner's cards, issued access tokens, App2App requests and the partner's mint count.
 */
import type { ProviderContext } from '../provider';
import { RequestStore } from './a2a-requests';
import { CardStore } from './cards';
import { TokenStore } from './tokens';

export class KlipState {
  readonly cards: CardStore;
  readonly tokens: TokenStore;
  readonly requests: RequestStore;
  /** Cards minted through `POST /wallet/mint` since the seed (seed and control mints do not count). */
  mintCount = 0;

  constructor(readonly ctx: ProviderContext) {
    this.cards = new CardStore(ctx.clock, ctx.credentials.klip.cardContract.toLowerCase());
    this.tokens = new TokenStore(ctx.clock);
    this.requests = new RequestStore(ctx.clock);
  }

  reset(): void {
    this.cards.reset();
    this.tokens.reset();
    this.requests.reset();
    this.mintCount = 0;
  }
}
