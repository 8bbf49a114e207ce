/**
 * What Kigo's 4xx answers mean, read in this one place (the rejection hook of Kigo's UpstreamHttp).
 * Kigo documents its errors in prose only; the body `{error: {code, message}}`, the statuses and the
 * codes below are our [model] (shared/upstreams/kigo.md). Kigo's messages are never read: a claim code
 * must not reach a log or an error, whatever Kigo puts in a message.
 */
import { UNRECOGNIZED, type RejectionOf } from '../rejection';
import { kigoErrorBodySchema } from './wire';

/** Expected "no"s of wallet and claim calls, and a dead session. */
export type KigoRejectionKind =
  | 'token-not-found'
  | 'token-not-shareable'
  | 'token-already-shared'
  | 'share-not-pending'
  | 'claim-code-invalid'
  | 'cannot-claim-own-token'
  /** 401: the session used is dead; one renewal may help. */
  | 'session-rejected';

/** Kigo's codes [model] for the expected outcomes, answered with 404 or 409. */
const KINDS_BY_CODE: Record<string, KigoRejectionKind> = {
  token_not_found: 'token-not-found',
  token_not_shareable: 'token-not-shareable',
  token_already_shared: 'token-already-shared',
  share_not_pending: 'share-not-pending',
  claim_code_invalid: 'claim-code-invalid',
  cannot_claim_own_token: 'cannot-claim-own-token',
};

export const kigoRejectionOf: RejectionOf<KigoRejectionKind> = ({ status, body }) => {
  const parsed = kigoErrorBodySchema.safeParse(body);
  const upstreamCode = parsed.success ? parsed.data.error.code : undefined;
  if (status === 401) return { kind: 'session-rejected', upstreamCode };
  const kind = upstreamCode !== undefined && (status === 404 || status === 409) ? KINDS_BY_CODE[upstreamCode] : undefined;
  return { kind: kind ?? UNRECOGNIZED, upstreamCode };
};
