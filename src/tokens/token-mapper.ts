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
  // Assigned field by field on the instance (no intermediate object literal): this runs for every
  // token of every page.
  const token = new Token();
  token.id = toGlobalId('Token', wire.token_id);
  token.tokenId = wire.token_id;
  token.provider = Provider.KIGO;
  token.assetKind = AssetKind.TOKEN;
  token.kind = KINDS[wire.type];
  token.name = wire.name;
  token.description = wire.description ?? null;
  token.imageUrl = wire.media?.image_url ?? null;
  token.value = wire.value ? Money.of(wire.value.amount, wire.value.currency) : null;
  token.status = STATUSES[wire.status];
  const flags = new TokenFlags();
  flags.isShareable = wire.flags.is_shareable;
  flags.isRevealable = wire.flags.is_revealable;
  token.flags = flags;
  token.supportedActions = wire.supported_actions ?? null;
  token.pendingShare = wire.share
    ? Object.assign(new TokenShare(), {
        createdAt: new Date(wire.share.created_at),
        expiresAt: wire.share.expires_at ? new Date(wire.share.expires_at) : null,
      })
    : null;
  token.expiresAt = wire.expires_at ? new Date(wire.expires_at) : null;
  // Kigo says nothing of when a token entered the wallet.
  token.acquiredAt = null;
  return token;
}
