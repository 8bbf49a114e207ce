/**
 * The viewer's tokens by Kigo id, for one operation. Kigo has no batch endpoint, so a batch is
 * parallel `GET /wallet/tokens/{id}` calls; repeated ids are fetched once, and a token the viewer does
 * not hold (Kigo's token_not_found, which also covers someone else's) loads as null.
 *
 * Tokens a wallet page brought in the same operation cost no call. Priming alone is not enough for
 * that: `{ viewer { tokens } nodes(ids) }` resolves both root fields at once, so the node batch is
 * dispatched while the page is still on its way. A batch is therefore dispatched one macrotask late
 * (so that the operation's resolvers have started their pages), waits for any page in flight, and
 * fetches only ids no page held.
 */
import DataLoader from 'dataloader';
import type { Context } from '../../context';
import type { Token } from '../../schema/token.type';
import { KigoRejection } from './kigo-client';
import type { KigoWallet } from './kigo-wallet';
import { toToken } from './token-mapper';

interface ListedTokens {
  pages: Set<Promise<unknown>>;
  byId: Map<string, Token>;
}

export class KigoTokenLoader extends DataLoader<string, Token | null> {
  private readonly listed: ListedTokens;

  constructor(wallet: KigoWallet, sub: string) {
    const listed: ListedTokens = { pages: new Set(), byId: new Map() };
    super((ids) => loadBatch(wallet, sub, listed, ids), { batchScheduleFn: (dispatch) => setImmediate(dispatch) });
    this.listed = listed;
  }

  /** Registers a wallet page in flight; call before awaiting it. */
  trackPage<T>(page: Promise<T>): Promise<T> {
    this.listed.pages.add(page);
    const forget = (): void => void this.listed.pages.delete(page);
    page.then(forget, forget);
    return page;
  }

  /** Records a token this operation listed or changed, replacing what the loader held. */
  remember(token: Token): void {
    this.listed.byId.set(token.tokenId, token);
    this.clear(token.tokenId).prime(token.tokenId, token);
  }
}

export function kigoTokenLoader(ctx: Context, wallet: KigoWallet, sub: string): KigoTokenLoader {
  // The viewer is fixed for an operation; the name still carries it so a loader can never serve two.
  return ctx.loader(`kigo:token:${sub}`, () => new KigoTokenLoader(wallet, sub)) as KigoTokenLoader;
}

async function loadBatch(wallet: KigoWallet, sub: string, listed: ListedTokens, ids: readonly string[]): Promise<Array<Token | null | Error>> {
  await Promise.allSettled([...listed.pages]);
  return Promise.all(ids.map((id) => listed.byId.get(id) ?? loadOne(wallet, sub, id)));
}

async function loadOne(wallet: KigoWallet, sub: string, tokenId: string): Promise<Token | null | Error> {
  try {
    return toToken(await wallet.get(sub, tokenId));
  } catch (err) {
    if (err instanceof KigoRejection && err.code === 'token_not_found') return null;
    return err instanceof Error ? err : new Error(String(err));
  }
}
