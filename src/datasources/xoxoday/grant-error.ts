/**
 * The company grant is dead (revoked by a Xoxoday admin, or its refresh token no longer accepted): no
 * retry can help, a person must authorize the gateway again. Voucher operations answer
 * UPSTREAM_UNAVAILABLE with provider XOXODAY and this message, and /readyz reports it.
 */
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import type { DeadGrantReason } from './oauth-client';

export class XoxodayGrantError extends UpstreamError {
  constructor(
    readonly reason: DeadGrantReason,
    production: boolean,
  ) {
    super(Provider.XOXODAY, ErrorCode.UPSTREAM_UNAVAILABLE, deadGrantMessage(reason, production));
    this.name = 'XoxodayGrantError';
  }
}

export function deadGrantMessage(reason: DeadGrantReason, production: boolean): string {
  const what =
    reason === 'revoked'
      ? "Xoxoday revoked the gateway's company authorization"
      : "Xoxoday no longer accepts the gateway's company refresh token (expired, already used, or the client credentials changed)";
  const fix =
    'An operator must authorize the gateway again: complete the OAuth authorize flow (GET /v1/oauth/authorize, then ' +
    'POST /v1/oauth/token/company with the code), set XOXODAY_REFRESH_TOKEN to the refresh token it returns, and restart the gateway';
  return `${what}. ${fix}${production ? '' : ' (outside production, a restart without XOXODAY_REFRESH_TOKEN re-authorizes against the sandbox by itself)'}.`;
}
