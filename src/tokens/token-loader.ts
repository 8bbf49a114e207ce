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
import type { KigoClient } from '../datasources/kigo/kigo-client';
import type { KigoRejectionKind } from '../datasources/kigo/kigo-rejections';
import { rejectionKind } from '../datasources/rejection';
import { Provider } from '../errors';
import type { Token } from '../schema/token.type';
import type { OperationScope } from '../scope';
import { toToken } from './token-mapper';

interface ListedTokens {
  pages: Set<Promise<unknown>>;
  byId: Map<string, Token>;
}

export class KigoTokenLoader extends DataLoader<string, Token | null> {
  private readonly listed: ListedTokens;

  constructor(scope: OperationScope, kigo: KigoClient, sub: string) {
    const listed: ListedTokens = { pages: new Set(), byId: new Map() };
    super((ids) => loadBatch(scope, kigo, sub, listed, ids), { batchScheduleFn: (dispatch) => setImmediate(dispatch) });
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

export function kigoTokenLoader(scope: OperationScope, kigo: KigoClient, sub: string): KigoTokenLoader {
  // The viewer is fixed for an operation; the name still carries it so a loader can never serve two.
  return scope.loader(`kigo:token:${sub}`, () => new KigoTokenLoader(scope, kigo, sub)) as KigoTokenLoader;
}

async function loadBatch(scope: OperationScope, kigo: KigoClient, sub: string, listed: ListedTokens, ids: readonly string[]): Promise<Array<Token | null | Error>> {
  await Promise.allSettled([...listed.pages]);
  return Promise.all(ids.map((id) => listed.byId.get(id) ?? loadOne(scope, kigo, sub, id)));
}

async function loadOne(scope: OperationScope, kigo: KigoClient, sub: string, tokenId: string): Promise<Token | null | Error> {
  try {
    return toToken(await kigo.getToken(scope, sub, tokenId));
  } catch (err) {
    if (rejectionKind<KigoRejectionKind>(err, Provider.KIGO) === 'token-not-found') return null;
    return err instanceof Error ? err : new Error(String(err));
  }
}
