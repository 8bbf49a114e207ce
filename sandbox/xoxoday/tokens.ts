/**
 * Xoxoday OAuth state: authorization codes, access tokens and rotating refresh tokens.
 *
 * - Codes live 5 minutes on the sandbox clock and work once.
 * - Lifetimes: company access 30 days / refresh 60 days; user 15 / 30 days.
 * - Rotation: a refresh deletes the refresh token it used (a second use is `invalid_grant`); the access
 *   token issued alongside it keeps working until its own expiry.
 * - Revocation (control call) marks every token issued so far, so they answer `auth.token_error` rather
 *   than `invalid_token`; tokens issued afterwards work.
 * - Refresh rate limit [model numbers]: more than 5 refresh calls within 60 s of the sandbox clock,
 *   counted across all clients, is 429.
 * Formats follow the seed's examples: a code is 33 lowercase hex characters (the example,
 * `exxxx69660xxxxa6413c17d897xxxxx99`, is masked, so its length is the only hint); a refresh token is 40
 * hex characters; an access token is standard base64 (padded) of
 * `{"tokenContent":{"issuedFor","scope":"","issuedAt":<ms>,"expiresAt":"<ISO>","token_type":"COMPANY"|"USER"},"a_t":"<40 hex>"}`.
 * Their secret part is random (crypto), never derived from ids or time; clients must treat them as opaque.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../clock';

export type TokenKind = 'company' | 'user';

const DAY_S = 86_400;
export const TOKEN_LIFETIMES: Record<TokenKind, { accessS: number; refreshS: number }> = {
  company: { accessS: 30 * DAY_S, refreshS: 60 * DAY_S },
  user: { accessS: 15 * DAY_S, refreshS: 30 * DAY_S },
};
export const CODE_TTL_MS = 5 * 60_000;
export const REFRESH_LIMIT = 5;
export const REFRESH_WINDOW_MS = 60_000;

/** The email of "the admin who allowed access", returned with every grant. */
export const CONSENTING_EMAIL = 'admin@sandbox.rewardgraph.dev';

/** The client company an access token names, as "Freshworks" in the seed's example. */
export const ISSUED_FOR = 'RewardGraph Sandbox';
const CODE_LENGTH = 33;

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  expiresAt: number;
}

interface TokenRecord {
  kind: TokenKind;
  expiresAt: number;
  revoked: boolean;
}

export interface Grant {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  email: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
}

export type AccessCheck = { ok: true; expiresInS: number } | { ok: false; reason: 'invalid' | 'revoked' };
export type RefreshOutcome = { ok: true; grant: Grant } | { ok: false; reason: 'invalid' | 'revoked' };

export class XoxodayTokens {
  private codes = new Map<string, CodeRecord>();
  private access = new Map<string, TokenRecord>();
  private refresh = new Map<string, TokenRecord>();
  private refreshCalls: number[] = [];

  constructor(private readonly clock: SandboxClock) {}

  issueCode(clientId: string, redirectUri: string): string {
    const code = randomBytes(Math.ceil(CODE_LENGTH / 2)).toString('hex').slice(0, CODE_LENGTH);
    this.codes.set(code, { clientId, redirectUri, expiresAt: this.clock.now() + CODE_TTL_MS });
    return code;
  }

  /**
   * Spends a code: deleted on first presentation, whether or not the rest of the request checks out,
   * so a leaked code can't be tried twice.
   */
  exchangeCode(code: string, clientId: string, redirectUri: string, kind: TokenKind): Grant | undefined {
    const record = this.codes.get(code);
    this.codes.delete(code);
    if (!record || record.expiresAt <= this.clock.now()) return undefined;
    if (record.clientId !== clientId || record.redirectUri !== redirectUri) return undefined;
    return this.issue(kind);
  }

  /** Counts this refresh call; false when it is over the limit for the window (and then not counted). */
  takeRefreshSlot(): boolean {
    const now = this.clock.now();
    this.refreshCalls = this.refreshCalls.filter((t) => t > now - REFRESH_WINDOW_MS);
    if (this.refreshCalls.length >= REFRESH_LIMIT) return false;
    this.refreshCalls.push(now);
    return true;
  }

  refreshGrant(refreshToken: string, kind: TokenKind): RefreshOutcome {
    const record = this.refresh.get(refreshToken);
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (record.kind !== kind || record.expiresAt <= this.clock.now()) return { ok: false, reason: 'invalid' };
    // Rotation: the old refresh token dies before the new one exists.
    this.refresh.delete(refreshToken);
    return { ok: true, grant: this.issue(kind) };
  }

  checkAccess(accessToken: string): AccessCheck {
    const record = this.access.get(accessToken);
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (record.expiresAt <= this.clock.now()) return { ok: false, reason: 'invalid' };
    return { ok: true, expiresInS: Math.floor((record.expiresAt - this.clock.now()) / 1000) };
  }

  /** Control: every access token issued so far expires now (refresh tokens still work). */
  expireAccessTokens(): number {
    const now = this.clock.now();
    for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
    return this.access.size;
  }

  /** Control: every access and refresh token issued so far is revoked. */
  revokeAll(): number {
    for (const record of this.access.values()) record.revoked = true;
    for (const record of this.refresh.values()) record.revoked = true;
    return this.access.size + this.refresh.size;
  }

  reset(): void {
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
    this.refreshCalls = [];
  }

  private issue(kind: TokenKind): Grant {
    const now = this.clock.now();
    const { accessS, refreshS } = TOKEN_LIFETIMES[kind];
    const accessExpiresAt = now + accessS * 1000;
    const accessToken = accessTokenFor(kind, now, accessExpiresAt);
    const refreshToken = randomBytes(20).toString('hex');
    const refreshExpiresAt = now + refreshS * 1000;
    this.access.set(accessToken, { kind, expiresAt: accessExpiresAt, revoked: false });
    this.refresh.set(refreshToken, { kind, expiresAt: refreshExpiresAt, revoked: false });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: accessS,
      refresh_token: refreshToken,
      email: CONSENTING_EMAIL,
      accessExpiresAt,
      refreshExpiresAt,
    };
  }
}

/** An access token shaped like the seed's example: the token's own description plus a random secret. */
function accessTokenFor(kind: TokenKind, issuedAt: number, expiresAt: number): string {
  const tokenContent = { issuedFor: ISSUED_FOR, scope: '', issuedAt, expiresAt: new Date(expiresAt).toISOString(), token_type: kind.toUpperCase() };
  return Buffer.from(JSON.stringify({ tokenContent, a_t: randomBytes(20).toString('hex') })).toString('base64');
}
