/**
 * What Kigo's 4xx answers mean, read in this one place (the rejection hook of Kigo's UpstreamHttp).
 * Kigo documents its errors in prose only; the body `{error: {code, message}}`, the statuses and the
 * codes below are our [model] (shared/upstreams/kigo.md). Kigo's messages are never read: a claim code
 * must not reach a log or an error, whatever Kigo puts in a message.
 *
 * The codes are guesses, so the route decides wherever it can and a known code only sharpens it:
 * - 401 anywhere is a dead session [model status];
 * - a 400 or 404 on a route whose only input is a token id is "no such token" (a 403 too: someone
 *   else's token is missing for this viewer), on a claim route "claim code invalid", whatever its code
 *   or none [model];
 * - a 409 on the cancel route can only be "no share pending", on the claim route only "your own token";
 *   on the share route it is "not shareable" or "already shared", which the code names when we know it
 *   and KigoClient.shareToken otherwise learns from the token itself (`share-refused` until then) [model];
 * - anything else is `unrecognized`: UPSTREAM_UNAVAILABLE with the status and Kigo's code.
 */
import { UNRECOGNIZED, type RejectionOf } from '../rejection';
import { kigoErrorBodySchema } from './wire';

/** Expected "no"s of wallet and claim calls, and a dead session. */
export type KigoRejectionKind =
  | 'token-not-found'
  | 'token-not-shareable'
  | 'token-already-shared'
  /** The share route's 409 with a code we do not know: not shareable or already shared (KigoClient tells). */
  | 'share-refused'
  | 'share-not-pending'
  | 'claim-code-invalid'
  | 'cannot-claim-own-token'
  /** 401: the session used is dead; one renewal may help. */
  | 'session-rejected';

/** Route templates of the wallet and claim calls, as the rejection hook sees them. */
export const KigoRoute = {
  Tokens: '/wallet/tokens',
  Token: '/wallet/tokens/:tokenId',
  Share: '/wallet/tokens/:tokenId/share',
  Claim: '/claims/:claimCode',
} as const;

/** Kigo's codes [model] for the expected outcomes. */
const KINDS_BY_CODE: Record<string, KigoRejectionKind> = {
  token_not_found: 'token-not-found',
  token_not_shareable: 'token-not-shareable',
  token_already_shared: 'token-already-shared',
  share_not_pending: 'share-not-pending',
  claim_code_invalid: 'claim-code-invalid',
  cannot_claim_own_token: 'cannot-claim-own-token',
};

/** What a 400/404 (the id or code is unknown) and a 409 (a state conflict) mean on each route [model]. */
function kindByRoute(route: string, method: string, status: number): KigoRejectionKind | undefined {
  const missing = status === 400 || status === 404;
  if (route === KigoRoute.Claim) return missing ? 'claim-code-invalid' : status === 409 && method === 'POST' ? 'cannot-claim-own-token' : undefined;
  if (route === KigoRoute.Token) return missing || status === 403 ? 'token-not-found' : undefined;
  if (route === KigoRoute.Share) {
    if (missing || status === 403) return 'token-not-found';
    if (status === 409) return method === 'DELETE' ? 'share-not-pending' : 'share-refused';
  }
  return undefined;
}

export const kigoRejectionOf: RejectionOf<KigoRejectionKind> = ({ status, body, method, route }) => {
  const parsed = kigoErrorBodySchema.safeParse(body);
  const upstreamCode = parsed.success ? parsed.data.error.code.slice(0, 64) : undefined;
  if (status === 401) return { kind: 'session-rejected', upstreamCode };
  const known = upstreamCode !== undefined && (status === 400 || status === 404 || status === 409) ? KINDS_BY_CODE[upstreamCode] : undefined;
  return { kind: known ?? kindByRoute(route, method, status) ?? UNRECOGNIZED, upstreamCode };
};
