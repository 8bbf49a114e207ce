/**
 * What a token mutation does before acting again after an attempt that failed or died with the same
 * clientMutationId (its answer lost, its gateway killed): find out from Kigo what that attempt did.
 * Kigo has no idempotency key, so the token's state is the only witness.
 */
import type { KigoClient } from '../datasources/kigo/kigo-client';
import type { KigoRejectionKind } from '../datasources/kigo/kigo-rejections';
import type { KigoToken } from '../datasources/kigo/wire';
import { rejectionKind } from '../datasources/rejection';
import { Provider } from '../errors';
import type { OperationScope } from '../scope';
import type { Attempt } from '../store/idempotency-store';

/** What a claim attempt notes before claiming: the token the code is for (never the code itself). */
export interface ClaimNote {
  tokenId: string;
}

/**
 * Before sharing again: a pending share now is the one the earlier attempt made, whose code never
 * reached anyone, so it is cancelled (that code is dead from now on). A token Kigo will not show, or one
 * whose share was claimed or cancelled meanwhile, is left to the share call, which answers why.
 *
 * (A share the same viewer made by other means between the lost attempt and this retry would be taken
 * for the lost one: Kigo shows no more than that the token is shared.)
 */
export async function cancelLostShare(kigo: KigoClient, scope: OperationScope, sub: string, tokenId: string): Promise<void> {
  const current = await tokenOrUndefined(kigo, scope, sub, tokenId);
  if (current?.status !== 'share_pending') return;
  try {
    await kigo.cancelShare(scope, sub, tokenId);
  } catch (err) {
    if (rejectionKind<KigoRejectionKind>(err, Provider.KIGO) !== 'share-not-pending') throw err;
  }
}

/** The token an earlier claim attempt was claiming, if it is now in the claimer's wallet: that claim happened. */
export async function claimedEarlier(kigo: KigoClient, scope: OperationScope, sub: string, attempt: Attempt): Promise<KigoToken | undefined> {
  const noted = attempt.takeover ? (attempt.noted as ClaimNote | undefined) : undefined;
  if (!noted?.tokenId) return undefined;
  return tokenOrUndefined(kigo, scope, sub, noted.tokenId);
}

/** Someone else's token answers as a missing one does. */
async function tokenOrUndefined(kigo: KigoClient, scope: OperationScope, sub: string, tokenId: string): Promise<KigoToken | undefined> {
  try {
    return await kigo.getToken(scope, sub, tokenId);
  } catch (err) {
    if (rejectionKind<KigoRejectionKind>(err, Provider.KIGO) === 'token-not-found') return undefined;
    throw err;
  }
}
