/**
 * Who opened a websocket: the token in the shapes graphql-ws clients send it, checked by the same
 * operation gate as HTTP. Looked for, in this order:
 * 1. `connection_init`'s payload: `authorization` in any letter case (`{authorization}`,
 *    `{Authorization}`), then `headers.authorization` in any case (what clients that reuse their HTTP
 *    headers send: `{headers: {Authorization}}`), then `token`, with or without `Bearer `;
 * 2. the upgrade request's `Authorization` header (server-side clients; browsers cannot set it).
 * The first one present is the one checked; a refusal says which one and why, in words short enough
 * for a close reason (123 bytes).
 */
import type { IncomingMessage } from 'node:http';
import type { ViewerIdentity } from '../auth/tokens';
import type { OperationGate } from './operation-gate';

export type ConnectionAuthentication = { viewer: ViewerIdentity; refusal?: undefined } | { viewer?: undefined; refusal: string };

/** A close reason is at most 123 bytes (RFC 6455 §5.5: a 125-byte control frame, minus the code). */
const MAX_REASON_BYTES = 123;

export const MISSING_TOKEN_REASON = 'Missing bearer token: send {"authorization": "Bearer <JWT>"} in connection_init';

export async function authenticateConnection(
  gate: Pick<OperationGate, 'authenticate'>,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgrade: Pick<IncomingMessage, 'headers'> | undefined,
): Promise<ConnectionAuthentication> {
  const found = findAuthorization(connectionParams, upgrade);
  if (!found) return { refusal: MISSING_TOKEN_REASON };
  if (typeof found.value !== 'string') return { refusal: `${found.where} must be a string` };
  const auth = await gate.authenticate(found.value);
  if (auth.viewer) return { viewer: auth.viewer };
  return { refusal: closeReason(`${found.where}: ${auth.error?.message ?? 'Token could not be verified'}`) };
}

function findAuthorization(params: Readonly<Record<string, unknown>> | undefined, upgrade: Pick<IncomingMessage, 'headers'> | undefined): { where: string; value: unknown } | undefined {
  const direct = keyInAnyCase(params, 'authorization');
  if (direct) return { where: `connection_init ${direct}`, value: params![direct] };
  const headers = params?.headers;
  if (typeof headers === 'object' && headers !== null) {
    const key = keyInAnyCase(headers as Record<string, unknown>, 'authorization');
    if (key) return { where: `connection_init headers.${key}`, value: (headers as Record<string, unknown>)[key] };
  }
  if (params?.token !== undefined) {
    const token = params.token;
    // A bare token is what `{token}` usually carries; a `Bearer …` one is taken as it is.
    return { where: 'connection_init token', value: typeof token === 'string' && !/^bearer\s/i.test(token.trim()) ? `Bearer ${token.trim()}` : token };
  }
  const header = upgrade?.headers.authorization;
  if (header !== undefined) return { where: 'Authorization header', value: header };
  return undefined;
}

function keyInAnyCase(record: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  if (!record) return undefined;
  return Object.keys(record).find((key) => key.toLowerCase() === name && record[key] !== undefined && record[key] !== null);
}

function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= MAX_REASON_BYTES) return reason;
  let cut = reason;
  while (Buffer.byteLength(`${cut}…`) > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}
