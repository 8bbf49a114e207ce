/**
 * An upstream's 4xx answer, read once. Each provider module gives its UpstreamHttp a `rejectionOf`
 * hook (datasource-rest's "one place turns a non-2xx answer into a coded error"): it reads the status,
 * the body and the route, and names what happened as a `kind` ("card-not-found", "claim-code-invalid",
 * "grant-revoked"). Domain code switches on `kind` and never reads an upstream body or code; the
 * provider's wire codes and their [model] meanings live in its own datasource folder only.
 *
 * A rejection nobody handles reaches the client as UPSTREAM_UNAVAILABLE with `provider`,
 * `upstreamStatus` and `upstreamCode`: `extensions.code` is always ours.
 */
import { ErrorCode, PROVIDER_NAMES, UpstreamError, type Provider } from '../errors';

/** A wire path the upstream said is wrong (`transaction.to`, `to_address[1]`), with its words. */
export interface WireFieldProblem {
  path: string;
  problem: string;
}

/** A 4xx the provider's hook could not name (its code, if any, still goes to `upstreamCode`). */
export const UNRECOGNIZED = 'unrecognized';

export interface Rejection<K extends string = string> {
  kind: K | typeof UNRECOGNIZED;
  /** The upstream's own error code, for operators and `extensions.upstreamCode`. */
  upstreamCode?: string;
  /** Field problems the upstream named (its words may echo what was sent: never logged as they are). */
  fields?: WireFieldProblem[];
}

/** What a provider module says about one 4xx answer (429 excluded: UpstreamHttp maps it). */
export type RejectionOf<K extends string = string> = (answer: { status: number; body: unknown; method: string; route: string }) => Rejection<K> | undefined;

export class UpstreamRejection<K extends string = string> extends UpstreamError {
  readonly kind: K | typeof UNRECOGNIZED;
  readonly upstreamCode?: string;
  readonly fields: WireFieldProblem[];
  /** The route template it answered, for logs. */
  readonly route: string;

  constructor(provider: Provider, status: number, route: string, rejection: Rejection<K> | undefined) {
    super(provider, ErrorCode.UPSTREAM_UNAVAILABLE, `${PROVIDER_NAMES[provider]} rejected the request (HTTP ${status})`, status, rejection?.upstreamCode);
    this.name = 'UpstreamRejection';
    this.kind = rejection?.kind ?? UNRECOGNIZED;
    this.upstreamCode = rejection?.upstreamCode;
    this.fields = rejection?.fields ?? [];
    this.route = route;
  }
}

/** The kind of `err` when it is a rejection by `provider`; undefined for anything else. */
export function rejectionKind<K extends string>(err: unknown, provider: Provider): K | typeof UNRECOGNIZED | undefined {
  return err instanceof UpstreamRejection && err.provider === provider ? (err.kind as K | typeof UNRECOGNIZED) : undefined;
}
