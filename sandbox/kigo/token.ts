/** Kigo token records as the sandbox keeps them, and their wire form (kigo.md, "Token object"). */

export const TOKEN_TYPES = ['gift_card', 'offer', 'bundle', 'merchandise'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export const TOKEN_STATUSES = ['active', 'share_pending', 'redeemed'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export interface TokenValue {
  /** Decimal string with two places, e.g. "25.00". */
  amount: string;
  currency: string;
}

export interface PendingShare {
  code: string;
  createdAt: number;
  expiresAt: number;
}

export interface TokenRecord {
  id: string;
  /** External user id of the wallet holding the token. */
  owner: string;
  name: string;
  description: string;
  type: TokenType;
  value: TokenValue | null;
  /** Epoch ms, or null for tokens that never expire. */
  expiresAt: number | null;
  status: TokenStatus;
  isShareable: boolean;
  isRevealable: boolean;
  share: PendingShare | null;
}

export interface WireToken {
  token_id: string;
  name: string;
  description: string;
  type: TokenType;
  media: { image_url: string };
  value: TokenValue | null;
  expires_at: string | null;
  status: TokenStatus;
  flags: { is_shareable: boolean; is_revealable: boolean };
  supported_actions: string[];
  share: { created_at: string; expires_at: string } | null;
}

/** Images are never fetched by the gateway; a reserved TLD makes that obvious if one ever is. */
const IMAGE_BASE = 'https://media.kigo-sandbox.invalid/tokens';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * What the holder may do with the token now [model]: `share` only while active and shareable,
 * `cancel_share` while a share is pending, `reveal` for revealable tokens that are not redeemed.
 */
function supportedActions(token: TokenRecord): string[] {
  const actions: string[] = [];
  if (token.status === 'active' && token.isShareable) actions.push('share');
  if (token.status === 'share_pending') actions.push('cancel_share');
  if (token.status !== 'redeemed' && token.isRevealable) actions.push('reveal');
  return actions;
}

export function toWireToken(token: TokenRecord): WireToken {
  return {
    token_id: token.id,
    name: token.name,
    description: token.description,
    type: token.type,
    media: { image_url: `${IMAGE_BASE}/${token.id}.png` },
    value: token.value ? { ...token.value } : null,
    expires_at: token.expiresAt === null ? null : iso(token.expiresAt),
    status: token.status,
    flags: { is_shareable: token.isShareable, is_revealable: token.isRevealable },
    supported_actions: supportedActions(token),
    share: token.share ? { created_at: iso(token.share.createdAt), expires_at: iso(token.share.expiresAt) } : null,
  };
}

/**
 * The token as a claim would deliver it: active, with no share block, so the preview tells the
 * recipient nothing about when or whether the sharer shared it [model].
 */
export function toClaimPreview(token: TokenRecord): WireToken {
  return toWireToken({ ...token, status: 'active', share: null });
}
