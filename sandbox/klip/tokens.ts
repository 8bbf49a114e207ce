/**
 * Partner access tokens [doc]: issued by `POST /partner/auth`, valid 24 h on the sandbox clock, sent
 * back raw in `Authorization` (no `Bearer` prefix). They look like JWTs (three base64url parts) so a
 * client that peeks at them is not surprised, but the sandbox checks them by lookup only [model].
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock';
import { ACCESS_TOKEN_TTL_SECONDS } from './seed';

export type TokenCheck = 'valid' | 'invalid' | 'expired';

export class TokenStore {
  /** token → expiry in sandbox epoch milliseconds. Expired tokens stay so they answer "expired". */
  private readonly tokens = new Map<string, number>();

  constructor(private readonly clock: SandboxClock) {}

  issue(email: string): { token: string; expiresAt: number } {
    const iat = this.clock.nowSeconds();
    const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = [part({ alg: 'HS256', typ: 'JWT' }), part({ sub: email, iat, exp, jti: randomUUID() }), randomBytes(32).toString('base64url')].join('.');
    this.tokens.set(token, exp * 1000);
    return { token, expiresAt: exp };
  }

  /** Checks the raw `Authorization` header value. */
  check(header: string | undefined): TokenCheck {
    if (!header) return 'invalid';
    const expiresAt = this.tokens.get(header);
    if (expiresAt === undefined) return 'invalid';
    return this.clock.now() >= expiresAt ? 'expired' : 'valid';
  }

  reset(): void {
    this.tokens.clear();
  }
}
