/**
 * The viewer's tokens by Kigo id, for one operation. Lists prime it, so `node(id)` of a token listed
 * in the same operation costs no upstream call; repeated ids are fetched once. Kigo has no batch
 * endpoint, so a batch is parallel `GET /wallet/tokens/{id}` calls. A token the viewer does not hold
 * (Kigo's token_not_found, which also covers someone else's) loads as null.
 */
import DataLoader from 'dataloader';
import type { Context } from '../../context';
import type { Token } from '../../schema/token.type';
import { KigoRejection } from './kigo-client';
import type { KigoWallet } from './kigo-wallet';
import { toToken } from './token-mapper';

export function kigoTokenLoader(ctx: Context, wallet: KigoWallet, sub: string): DataLoader<string, Token | null> {
  // The viewer is fixed for an operation; the name still carries it so a loader can never serve two.
  return ctx.loader(`kigo:token:${sub}`, () => new DataLoader<string, Token | null>((ids) => Promise.all(ids.map((id) => loadOne(wallet, sub, id)))));
}

async function loadOne(wallet: KigoWallet, sub: string, tokenId: string): Promise<Token | null | Error> {
  try {
    return toToken(await wallet.get(sub, tokenId));
  } catch (err) {
    if (err instanceof KigoRejection && err.code === 'token_not_found') return null;
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Replaces what the loader holds for a token the operation just listed or changed. */
export function primeToken(loader: DataLoader<string, Token | null>, token: Token): void {
  loader.clear(token.tokenId).prime(token.tokenId, token);
}
