/** Kigo's wire token → the API's Token: the one place Kigo's field names meet the schema's. */
import type { KigoToken, KigoTokenStatus, KigoTokenType } from '../datasources/kigo/wire';
import { Provider } from '../errors';
import { toGlobalId } from '../schema/global-id';
import { AssetKind } from '../schema/asset-kind.enum';
import { Money } from '../schema/money.type';
import { Token, TokenFlags, TokenKind, TokenShare, TokenStatus } from '../schema/token.type';

const KINDS: Record<KigoTokenType, TokenKind> = {
  gift_card: TokenKind.GIFT_CARD,
  offer: TokenKind.OFFER,
  bundle: TokenKind.BUNDLE,
  merchandise: TokenKind.MERCHANDISE,
};

const STATUSES: Record<KigoTokenStatus, TokenStatus> = {
  active: TokenStatus.ACTIVE,
  share_pending: TokenStatus.SHARE_PENDING,
  redeemed: TokenStatus.REDEEMED,
};

/** The `status` query value Kigo expects for a TokenStatus filter. */
export function kigoStatusOf(status: TokenStatus): KigoTokenStatus {
  return (Object.keys(STATUSES) as KigoTokenStatus[]).find((k) => STATUSES[k] === status)!;
}

export function toToken(wire: KigoToken): Token {
  return Object.assign(new Token(), {
    id: toGlobalId('Token', wire.token_id),
    tokenId: wire.token_id,
    provider: Provider.KIGO,
    assetKind: AssetKind.TOKEN,
    kind: KINDS[wire.type],
    name: wire.name,
    description: wire.description ?? null,
    imageUrl: wire.media?.image_url ?? null,
    value: wire.value ? Money.of(wire.value.amount, wire.value.currency) : null,
    status: STATUSES[wire.status],
    flags: Object.assign(new TokenFlags(), { isShareable: wire.flags.is_shareable, isRevealable: wire.flags.is_revealable }),
    supportedActions: wire.supported_actions ?? null,
    pendingShare: wire.share
      ? Object.assign(new TokenShare(), {
          createdAt: new Date(wire.share.created_at),
          expiresAt: wire.share.expires_at ? new Date(wire.share.expires_at) : null,
        })
      : null,
    expiresAt: wire.expires_at ? new Date(wire.expires_at) : null,
    // Kigo says nothing of when a token entered the wallet.
    acquiredAt: null,
  });
}
