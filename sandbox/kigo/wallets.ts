import type { SandboxClock } from '../clock';
import { KigoError, claimCodeInvalid, tokenNotFound } from './errors';
import { newClaimCode } from './secrets';
import { seedTokens } from './seed';
import type { TokenRecord, TokenStatus, TokenType, TokenValue } from './token';

/** A claim code is good for 7 days after the share, on the sandbox clock [model]. */
export const CLAIM_CODE_TTL_SECONDS = 7 * 24 * 3600;

export interface NewToken {
  name: string;
  type: TokenType;
  isShareable: boolean;
  value: TokenValue | null;
  description?: string;
}

/**
 * Every wallet, token and live claim code. All methods are synchronous: a claim checks and moves the
 * token in one turn of the event loop, so two concurrent claims of one code cannot both win.
 */
export class KigoWallets {
  private tokens = new Map<string, TokenRecord>();
  /** Token ids per external user id, in the order the tokens entered the wallet. */
  private wallets = new Map<string, string[]>();
  /** Live claim code → token id. A code leaves this map when claimed, cancelled or expired. */
  private codes = new Map<string, string>();
  private created = 0;

  constructor(private readonly clock: SandboxClock) {
    this.reset();
  }

  reset(): void {
    this.tokens.clear();
    this.wallets.clear();
    this.codes.clear();
    this.created = 0;
    for (const token of seedTokens()) this.put(token);
  }

  /** Creates an empty wallet for a user seen for the first time. */
  ensureAccount(userId: string): void {
    if (!this.wallets.has(userId)) this.wallets.set(userId, []);
  }

  list(userId: string, page: { offset: number; limit: number; status?: TokenStatus }): { data: TokenRecord[]; total: number } {
    this.expireShares();
    const all = (this.wallets.get(userId) ?? []).map((id) => this.tokens.get(id)!);
    const matching = page.status ? all.filter((t) => t.status === page.status) : all;
    return { data: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
  }

  get(userId: string, tokenId: string): TokenRecord {
    this.expireShares();
    return this.owned(userId, tokenId);
  }

  share(userId: string, tokenId: string): { code: string; token: TokenRecord } {
    this.expireShares();
    const token = this.owned(userId, tokenId);
    if (token.status === 'share_pending') throw new KigoError('token_already_shared', 'token already has a pending share');
    if (token.status === 'redeemed') throw new KigoError('token_not_shareable', 'a redeemed token cannot be shared');
    if (!token.isShareable) throw new KigoError('token_not_shareable', 'token is not shareable');
    let code = newClaimCode();
    // 79 random bits make a clash practically impossible; the loop makes it impossible.
    while (this.codes.has(code)) code = newClaimCode();
    const now = this.clock.now();
    token.status = 'share_pending';
    token.share = { code, createdAt: now, expiresAt: now + CLAIM_CODE_TTL_SECONDS * 1000 };
    this.codes.set(code, token.id);
    return { code, token };
  }

  cancelShare(userId: string, tokenId: string): TokenRecord {
    this.expireShares();
    const token = this.owned(userId, tokenId);
    if (token.status !== 'share_pending' || !token.share) throw new KigoError('share_not_pending', 'token has no pending share');
    this.codes.delete(token.share.code);
    token.status = 'active';
    token.share = null;
    return token;
  }

  /** The token a live code would deliver, for any signed-in user (the sharer too). */
  preview(code: string): TokenRecord {
    this.expireShares();
    return this.tokenForCode(code);
  }

  claim(userId: string, code: string): TokenRecord {
    this.expireShares();
    const token = this.tokenForCode(code);
    if (token.owner === userId) throw new KigoError('cannot_claim_own_token', 'you cannot claim a token you shared');
    this.codes.delete(code);
    const from = this.wallets.get(token.owner)!;
    from.splice(from.indexOf(token.id), 1);
    token.owner = userId;
    token.status = 'active';
    token.share = null;
    this.ensureAccount(userId);
    this.wallets.get(userId)!.push(token.id);
    return token;
  }

  /** Control API: the live claim code of a token's pending share (what its sharer was told), if any. */
  pendingCode(tokenId: string): string | undefined {
    this.expireShares();
    return this.tokens.get(tokenId)?.share?.code;
  }

  /** Control API: a new active token at the end of the user's wallet (the wallet is created if new). */
  addToken(userId: string, input: NewToken): TokenRecord {
    this.created += 1;
    const token: TokenRecord = {
      id: `tok_new_${String(this.created).padStart(4, '0')}`,
      owner: userId,
      name: input.name,
      description: input.description ?? `${input.name} (added through the sandbox control API)`,
      type: input.type,
      value: input.value,
      expiresAt: null,
      status: 'active',
      isShareable: input.isShareable,
      isRevealable: input.type === 'gift_card',
      share: null,
    };
    this.put(token);
    return token;
  }

  private put(token: TokenRecord): void {
    this.tokens.set(token.id, token);
    this.ensureAccount(token.owner);
    this.wallets.get(token.owner)!.push(token.id);
  }

  /** Someone else's token answers exactly like a missing one, so ids cannot be probed across wallets. */
  private owned(userId: string, tokenId: string): TokenRecord {
    const token = this.tokens.get(tokenId);
    if (!token || token.owner !== userId) throw tokenNotFound();
    return token;
  }

  private tokenForCode(code: string): TokenRecord {
    const tokenId = this.codes.get(code);
    if (tokenId === undefined) throw claimCodeInvalid();
    return this.tokens.get(tokenId)!;
  }

  /**
   * Lazily applies the clock: a share whose code has expired goes back to `active` in the sharer's
   * wallet and the code dies [model]. Run before every read so no caller sees a stale share.
   */
  private expireShares(): void {
    const now = this.clock.now();
    for (const [code, tokenId] of this.codes) {
      const token = this.tokens.get(tokenId)!;
      if (token.share && token.share.expiresAt > now) continue;
      this.codes.delete(code);
      token.status = 'active';
      token.share = null;
    }
  }
}
