/**
 * Klip App2App API — base `/klip-a2a/v2`. No credentials [doc]: the `request_key` (uuid v4) tells
 * requests apart. prepare → the person opens the link and decides in the wallet (driven here by the
 * control API) → the client polls `GET /a2a/result`, about once a second.
 * Errors [model]: `{code: <int>, message}` with 400 for bad input and for an unknown `request_key`;
 *   a request's own failure is `status: "error"` with `error: {code: "expired" | "failed", message}`.
 * Pagination [doc]: `GET /a2a/cards` answers at most 100 cards and an opaque `next_cursor`, `""` at the end.
 * Limits [model]: a key expires 300 s after prepare. A contract other than the partner's has no cards here.
 */
import type { Router } from 'express';
import { compact, prepareEnvelope, transactionSchemas } from './a2a-schemas';
import type { A2aRequest } from './a2a-requests';
import { toWireCard } from './cards';
import { paginate, readCursor } from './cursor';
import { ADDRESS_MESSAGE, KlipErrorCode, sendKlipError, sendValidationError } from './errors';
import { isAddress } from './fields';
import { PARTNER_PROFILE } from './seed';
import type { KlipState } from './state';

export function registerA2aRoutes(a2a: Router, state: KlipState): void {
  a2a.post('/a2a/prepare', (req, res) => {
    const envelope = prepareEnvelope.safeParse(req.body);
    if (!envelope.success) return sendValidationError(res, envelope.error);
    const { bapp, type } = envelope.data;
    let transaction: Record<string, string> | undefined;
    if (type !== 'auth') {
      const parsed = transactionSchemas[type].safeParse(envelope.data.transaction);
      if (!parsed.success) return sendValidationError(res, parsed.error, 'transaction');
      transaction = compact(parsed.data);
    }
    const callback = bapp.callback ?? envelope.data.callback;
    const request = state.requests.prepare({ type, bapp: { name: bapp.name, ...(callback ? { callback } : {}) }, transaction });
    res.json({ request_key: request.key, status: request.status, expiration_time: request.expirationTime });
  });

  a2a.get('/a2a/result', (req, res) => {
    const key = req.query['request_key'];
    if (typeof key !== 'string' || key === '') return sendKlipError(res, 400, KlipErrorCode.InvalidRequest, 'request_key: is required');
    const request = state.requests.get(key);
    if (!request) return sendKlipError(res, 400, KlipErrorCode.UnknownRequestKey, 'request_key: no such request');
    state.requests.polled(request, Date.now());
    res.json(resultView(request));
  });

  a2a.get('/a2a/cards', (req, res) => {
    const { sca, eoa } = req.query;
    for (const [name, value] of [['sca', sca], ['eoa', eoa]] as const) {
      if (value === undefined || value === '') return sendKlipError(res, 400, KlipErrorCode.InvalidRequest, `${name}: is required`);
      if (!isAddress(value)) return sendKlipError(res, 400, KlipErrorCode.InvalidAddress, `${name}: ${ADDRESS_MESSAGE}`);
    }
    const contract = String(sca).toLowerCase();
    const owner = String(eoa).toLowerCase();
    const scope = `a2a:${contract}:${owner}`;
    const afterId = readCursor(req, res, scope);
    if (afterId === undefined) return;
    const { page, nextCursor } = paginate(state.cards.ownedBy(contract, owner), scope, afterId);
    const known = contract === state.cards.contract;
    res.json({
      name: known ? PARTNER_PROFILE.serviceName : '',
      symbol_img: known ? PARTNER_PROFILE.symbolImage : '',
      cards: page.map(toWireCard),
      next_cursor: nextCursor,
    });
  });
}

/** The wire form of a request: `result` only when completed, `error` only when in error. */
export function resultView(request: A2aRequest): Record<string, unknown> {
  return {
    request_key: request.key,
    expiration_time: request.expirationTime,
    status: request.status,
    ...(request.status === 'completed' && request.result ? { result: request.result } : {}),
    ...(request.status === 'error' && request.error ? { error: request.error } : {}),
  };
}
