/**
 * Klip App2App API — base `{KLIP_A2A_URL}` (`/klip-a2a/v2` on the sandbox, `a2a-api.klipwallet.com/v2`
 * for real). No credentials [doc]: the `request_key` (uuid) tells requests apart.
 * - `POST /a2a/prepare {bapp: {name, callback?}, type, transaction?}` → `{request_key, status, expiration_time}`
 * - `GET /a2a/result?request_key=` → `{request_key, expiration_time, status, result?, error?}`; clients
 *   poll it about once a second; an expired key reads `status: "error", error.code: "expired"`.
 * Errors: 400 `{code: <int>, message}`: 40000 / 40004 a field problem whose message names it as
 * `path: problem` (several joined by `; `), 40007 an unknown request_key. Not paginated; no rate limit
 * is documented. Prepare is a POST and never retried blindly (UpstreamHttp retries GETs only).
 */
import { Provider } from '../../errors';
import type { App2AppObservation } from '../../app2app/app2app-record';
import { UpstreamStatusError, type UpstreamHttp } from '../http';
import { toObservation, type WireError, type WirePrepareBody, type WirePrepared, type WireResult } from './a2a-wire';

/** Klip refused a prepare field; `fields` are the wire paths it named (`transaction.to`, `bapp.name`). */
export class KlipA2aInputError extends Error {
  readonly code = 'KLIP_A2A_INVALID_INPUT';
  constructor(
    message: string,
    readonly fields: string[],
  ) {
    super(message);
    this.name = 'KlipA2aInputError';
  }
}

/** Klip does not know the request key (never issued, or forgotten). */
export class KlipA2aUnknownKeyError extends Error {
  readonly code = 'KLIP_A2A_UNKNOWN_KEY';
  constructor() {
    super('Klip does not know this App2App request key');
    this.name = 'KlipA2aUnknownKeyError';
  }
}

const FIELD_PROBLEM_CODES = new Set([40000, 40004]);
const UNKNOWN_KEY_CODE = 40007;

export interface KlipPrepared {
  requestKey: string;
  expiresAt: Date;
}

export class KlipA2aClient {
  constructor(private readonly http: UpstreamHttp) {}

  async prepare(body: WirePrepareBody): Promise<KlipPrepared> {
    try {
      const prepared = await this.http.json<WirePrepared>({ method: 'POST', path: '/a2a/prepare', route: '/a2a/prepare', body });
      return { requestKey: prepared.request_key, expiresAt: new Date(prepared.expiration_time * 1000) };
    } catch (err) {
      throw mapError(err);
    }
  }

  /** The request's state now, as Klip reports it. */
  async result(requestKey: string): Promise<App2AppObservation> {
    try {
      const wire = await this.http.json<WireResult>({ method: 'GET', path: '/a2a/result', route: '/a2a/result', query: { request_key: requestKey } });
      return toObservation(wire);
    } catch (err) {
      throw mapError(err);
    }
  }
}

/** Field problems and unknown keys become typed errors; everything else stays the UpstreamError it was. */
function mapError(err: unknown): unknown {
  if (!(err instanceof UpstreamStatusError) || err.status !== 400 || err.provider !== Provider.KLIP) return err;
  const body = err.body as Partial<WireError> | undefined;
  if (body?.code === UNKNOWN_KEY_CODE) return new KlipA2aUnknownKeyError();
  if (body?.code !== undefined && FIELD_PROBLEM_CODES.has(body.code) && typeof body.message === 'string') {
    return new KlipA2aInputError(body.message, fieldsOf(body.message));
  }
  return err;
}

/** `transaction.to: is required; bapp.name: must not be empty` → `['transaction.to', 'bapp.name']`. */
function fieldsOf(message: string): string[] {
  return message
    .split('; ')
    .map((part) => /^([A-Za-z_][\w.[\]]*):/.exec(part)?.[1])
    .filter((path): path is string => path !== undefined);
}
