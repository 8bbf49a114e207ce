/**
 * Viewer identity from bearer JWTs (jose): HS256 with AUTH_JWT_SECRET, or keys from AUTH_JWKS_URL;
 * issuer and audience checked when configured. A token must also say when it ends (`exp`), may not live
 * longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (from its `iat`, or from now when it has none), and may
 * not be issued in the future beyond AUTH_CLOCK_TOLERANCE_SECONDS: a stolen long-lived token is a
 * long-lived breach. Every way a token fails is an UNAUTHENTICATED error whose message says which way,
 * without echoing the token.
 *
 * A token verified once is remembered (by its exact text, up to 10,000 of them) until it expires, so a
 * client sending the same token with every request pays for one signature check, not one per request;
 * with AUTH_JWKS_URL at most 10 minutes (as long as jose keeps a fetched key set), so a key withdrawn
 * from the set stops working as soon as it would without this. A refused token is never remembered.
 */
import { SignJWT, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '../errors';

export interface ViewerIdentity {
  /** JWT `sub`. */
  id: string;
  roles: string[];
  isAdmin: boolean;
  /** Epoch ms when the token expires, if it does. */
  expiresAt?: number;
}

/** setTimeout's limit; a token living longer is re-checked when this fires. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `expired` once the viewer's token has expired (at once when it already has), for a socket or a
 * stream that must not outlive its authorisation; never for a token without expiry. Returns the cancel.
 */
export function whenTokenExpires(viewer: ViewerIdentity | null, expired: () => void): () => void {
  const expiresAt = viewer?.expiresAt;
  if (expiresAt === undefined) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const remaining = expiresAt - Date.now();
    if (remaining > 0) timer = setTimeout(check, Math.min(remaining, MAX_TIMER_MS));
    else expired();
  };
  check();
  return () => clearTimeout(timer);
}

export interface TokenVerifierOptions {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** @default 86_400 (24 h) */
  maxLifetimeSeconds?: number;
  /** Clock skew allowed on `iat` (a token from an issuer whose clock runs a little ahead). @default 60 */
  clockToleranceSeconds?: number;
  /** @default Date.now */
  now?: () => number;
}

/** How many verified tokens are remembered; the least recently used go first. */
const REMEMBERED_TOKENS = 10_000;
/** With a JWKS, a verified token is trusted this long at most before its signature is checked again. */
const JWKS_REMEMBER_MS = 10 * 60_000;

export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly verified = new LRUCache<string, { identity: ViewerIdentity; until: number }>({ max: REMEMBERED_TOKENS });
  private readonly algorithms: string[];

  private readonly tolerance: number;
  private readonly maxLifetime: number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.tolerance = options.clockToleranceSeconds ?? 60;
    this.maxLifetime = options.maxLifetimeSeconds ?? 86_400;
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    } else if (options.jwtSecret) {
      this.key = new TextEncoder().encode(options.jwtSecret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('TokenVerifier needs a JWT secret or a JWKS URL');
    }
  }

  /** Verifies an `Authorization` value (`Bearer <jwt>`); absent → UNAUTHENTICATED. */
  async verifyAuthorization(header: string | undefined): Promise<ViewerIdentity> {
    if (header === undefined || header.trim() === '') throw unauthenticated('Missing bearer token: send Authorization: Bearer <token>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
    if (!match) throw unauthenticated("Malformed Authorization header: expected 'Bearer <token>'");
    return this.verify(match[1]!);
  }

  async verify(token: string): Promise<ViewerIdentity> {
    const now = this.options.now?.() ?? Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (now < known.until) return known.identity;
      this.verified.delete(token);
    }
    const identity = await this.verifyFully(token);
    // jose refuses a token once `exp` (seconds) is not after the current second: valid while now < exp.
    const until = Math.min(identity.expiresAt!, typeof this.key === 'function' ? now + JWKS_REMEMBER_MS : Infinity);
    this.verified.set(token, { identity, until });
    return identity;
  }

  private async verifyFully(token: string): Promise<ViewerIdentity> {
    let payload;
    try {
      const key = this.key;
      const checks = {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
        // No tolerance on `exp`: an expired token is expired (the tolerance is for `iat`, below).
        currentDate: this.options.now ? new Date(this.options.now()) : undefined,
      };
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, checks) : await jwtVerify(token, key, checks));
    } catch (err) {
      throw describeFailure(err);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw unauthenticated('Token has no subject (sub)');
    this.checkTimes(payload.exp!, payload.iat);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r: unknown): r is string => typeof r === 'string') : [];
    // Shared by every request that sends this token: frozen, so no one can change it for the others.
    return Object.freeze({
      id: payload.sub,
      roles: Object.freeze(roles) as string[],
      isAdmin: roles.includes('admin'),
      expiresAt: payload.exp! * 1000,
    });
  }
  /** `exp` and `iat` (seconds) against the lifetime and clock rules; jose has checked `exp` is not past. */
  private checkTimes(exp: number, iat: number | undefined): void {
    const now = (this.options.now?.() ?? Date.now()) / 1000;
    if (iat !== undefined && iat > now + this.tolerance) throw unauthenticated('Token is issued in the future (iat): check the issuer’s clock');
    const lifetime = exp - (iat ?? now);
    if (lifetime > this.maxLifetime + this.tolerance) {
      throw unauthenticated(`Token lives too long: ${Math.round(lifetime)} s, at most ${this.maxLifetime} s (AUTH_MAX_TOKEN_LIFETIME_SECONDS)`);
    }
  }

}

function describeFailure(err: unknown): GraphQLError {
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'exp' && err.reason === 'missing') return unauthenticated('Token has no expiry (exp): tokens must expire');
  if (err instanceof joseErrors.JWTExpired) return unauthenticated('Token expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) return unauthenticated(`Token rejected: ${err.claim} claim check failed`);
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return unauthenticated('Token signature is invalid');
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid || err instanceof joseErrors.JOSEError) {
    if (err instanceof joseErrors.JOSEAlgNotAllowed) return unauthenticated('Token algorithm is not accepted');
    if (err instanceof joseErrors.JWKSNoMatchingKey) return unauthenticated('Token signed with an unknown key');
    return unauthenticated('Token is malformed');
  }
  return unauthenticated('Token could not be verified');
}

export interface SignOptions {
  admin?: boolean;
  /** jose time span or epoch seconds. @default '12h' */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** A viewer JWT for the configured HS256 secret (for `npm run token`, the demo token and tests). */
export async function signViewerToken(secret: string, sub: string, options: SignOptions = {}): Promise<string> {
  let jwt = new SignJWT({ roles: options.admin ? ['admin'] : [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
