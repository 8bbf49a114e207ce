/**
 * Klip App2App API — base `{KLIP_A2A_URL}` (`/klip-a2a/v2` on the sandbox, `a2a-api.klipwallet.com/v2`
 * for real). No credentials [doc]: the `request_key` (uuid) tells requests apart.
 * - `POST /a2a/prepare {bapp: {name, callback?}, type, transaction?}` → `{request_key, status, expiration_time}`
 * - `GET /a2a/result?request_key=` → `{request_key, expiration_time, status, result?, error?}`; clients
 *   poll it about once a second; an expired key reads `status: "error", error.code: "expired"` [model].
 * Errors (klip-rejections.ts): a field problem is `invalid-input` naming the wire paths; an unknown
 * request_key is `unknown-request-key`. Not paginated; no rate limit is documented. Prepare is a POST
 * and never retried blindly (UpstreamHttp retries GETs only).
 */
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { KlipRoute } from './klip-rejections';
import { a2aStateOf, wirePreparedSchema, wireResultSchema, type A2aState, type WirePrepareBody } from './a2a-wire';

export interface KlipPrepared {
  requestKey: string;
  expiresAt: Date;
}

export class KlipA2aClient {
  constructor(private readonly http: UpstreamHttp) {}

  async prepare(scope: OperationScope, body: WirePrepareBody): Promise<KlipPrepared> {
    const prepared = await this.http.json({ scope, method: 'POST', path: KlipRoute.Prepare, route: KlipRoute.Prepare, body }, wirePreparedSchema);
    return { requestKey: prepared.request_key, expiresAt: new Date(prepared.expiration_time * 1000) };
  }

  /** The request's state now, as Klip reports it. */
  async result(scope: OperationScope, requestKey: string): Promise<A2aState> {
    const wire = await this.http.json({ scope, method: 'GET', path: KlipRoute.Result, route: KlipRoute.Result, query: { request_key: requestKey } }, wireResultSchema);
    return a2aStateOf(wire);
  }
}
