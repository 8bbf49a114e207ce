/**
 * Klip control API — mounted at `/_sandbox/klip`, for tests, demos and benchmarks (not part of Klip).
 * Errors use the sandbox control shape `{error: {code, message}}`: 400 `invalid_request`, 404
 * `unknown_request_key`, 409 `request_terminal` or `request_expired`.
 *
 * - `POST /holders/:address/cards {count: 1..500}` → 201 `{cards}`: mints to a holder in the partner
 *   contract (does not count toward the partner's `mint_count`).
 * - `POST /a2a/:requestKey/open` — the person opened the link: prepared → requested.
 * - `POST /a2a/:requestKey/approve {klaytnAddress?, txHash?, txStatus?, signature?}` → completed (from
 *   prepared it passes through requested). An approved send_card of a partner card moves the card to
 *   `to` when the signer (klaytnAddress, else `from`, else the default wallet) owns it; when the signer
 *   does not own it and no txStatus is given, the transaction reports `fail`.
 * - `POST /a2a/:requestKey/reject` → canceled; `POST /a2a/:requestKey/fail {message?}` → error `failed`.
 * - `GET /a2a/:requestKey/polls` → `{request_key, polls}`: when its result was read (epoch ms, real time,
 *   oldest first), so a test counts a key's pollers from the upstream's side, not the gateway's.
 * Every a2a call answers the request as the control sees it: `{request_key, status, type, bapp,
 * transaction?, expiration_time, result?, error?}`.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { signerOf, type A2aRequest, type ApproveValues, type TransitionRefusal } from './a2a-requests';
import { resultView } from './a2a-routes';
import { toWireCard } from './cards';
import { describeIssues } from './errors';
import { address, isAddress, text } from './fields';
import type { KlipState } from './state';

const MAX_CONTROL_MINT = 500;

const holderMintSchema = z.object(
  {
    count: z
      .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a number') })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(MAX_CONTROL_MINT, `must be at most ${MAX_CONTROL_MINT}`),
  },
  { error: 'the body must be a JSON object' },
);

const approveSchema = z.object({
  klaytnAddress: address().optional(),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be 0x followed by 64 hex digits').optional(),
  txStatus: z.enum(['pending', 'success', 'fail'], { error: 'must be pending, success or fail' }).optional(),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'must be 0x followed by 130 hex digits').optional(),
});

const failSchema = z.object({ message: text({ max: 500 }).optional() });

export function createKlipControl(state: KlipState): Router {
  const control = Router();

  control.post('/holders/:address/cards', (req, res) => {
    const holder = String(req.params['address']);
    if (!isAddress(holder)) return controlError(res, 400, 'invalid_request', 'address: must be 0x followed by 40 hex digits');
    const parsed = holderMintSchema.safeParse(req.body);
    if (!parsed.success) return controlError(res, 400, 'invalid_request', describeIssues(parsed.error));
    const cards = state.cards.mint(Array<string>(parsed.data.count).fill(holder), {
      name: 'Sandbox Holder Card',
      description: `Minted by the sandbox control API for ${holder.toLowerCase()}`,
      image: 'https://sandbox.klip.invalid/images/holder-card.png',
      attributes: [{ trait_type: 'edition', value: 'control' }],
    });
    res.status(201).json({ cards: cards.map(toWireCard) });
  });

  control.post('/a2a/:requestKey/open', (req, res) => {
    withRequest(res, String(req.params['requestKey']), (request) => state.requests.open(request));
  });

  control.post('/a2a/:requestKey/approve', (req, res) => {
    const parsed = approveSchema.safeParse(req.body ?? {});
    if (!parsed.success) return controlError(res, 400, 'invalid_request', describeIssues(parsed.error));
    withRequest(res, String(req.params['requestKey']), (request) => {
      const values: ApproveValues = { ...parsed.data };
      const transfer = cardTransfer(request, values);
      if (transfer && values.txStatus === undefined) values.txStatus = transfer.ownedBySigner ? 'success' : 'fail';
      const refusal = state.requests.approve(request, values);
      const result = request.result;
      if (!refusal && transfer?.ownedBySigner && result && 'tx_hash' in result && result.status === 'success') {
        state.cards.transfer(transfer.contract, transfer.cardId, transfer.to, result.tx_hash);
      }
      return refusal;
    });
  });

  control.get('/a2a/:requestKey/polls', (req, res) => {
    const key = String(req.params['requestKey']);
    const request = state.requests.get(key);
    if (!request) return controlError(res, 404, 'unknown_request_key', `no App2App request ${key}`);
    res.json({ request_key: key, polls: [...request.polls] });
  });

  control.post('/a2a/:requestKey/reject', (req, res) => {
    withRequest(res, String(req.params['requestKey']), (request) => state.requests.reject(request));
  });

  control.post('/a2a/:requestKey/fail', (req, res) => {
    const parsed = failSchema.safeParse(req.body ?? {});
    if (!parsed.success) return controlError(res, 400, 'invalid_request', describeIssues(parsed.error));
    withRequest(res, String(req.params['requestKey']), (request) => state.requests.fail(request, parsed.data.message));
  });

  /** Looks the request up, applies `act`, and answers 404, 409 or the request as it now stands. */
  function withRequest(res: Response, key: string, act: (request: A2aRequest) => TransitionRefusal | undefined): void {
    const request = state.requests.get(key);
    if (!request) return controlError(res, 404, 'unknown_request_key', `no App2App request ${key}`);
    const refusal = act(request);
    if (refusal === 'expired') return controlError(res, 409, 'request_expired', `request ${key} has expired`);
    if (refusal === 'terminal') return controlError(res, 409, 'request_terminal', `request ${key} is already ${request.status}`);
    res.json(controlView(request));
  }

  /** For a send_card of a card in the partner contract: where it goes and whether the signer may send it. */
  function cardTransfer(request: A2aRequest, values: ApproveValues) {
    const tx = request.transaction;
    if (request.type !== 'send_card' || !tx?.['contract'] || !tx['to'] || !tx['card_id']) return undefined;
    const cardId = Number(tx['card_id']);
    const card = tx['contract'] === state.cards.contract ? state.cards.byId(cardId) : undefined;
    if (!card) return undefined;
    return { contract: tx['contract'], cardId, to: tx['to'], ownedBySigner: card.owner === signerOf(request, values) };
  }

  return control;
}

function controlView(request: A2aRequest): Record<string, unknown> {
  return {
    ...resultView(request),
    type: request.type,
    bapp: request.bapp,
    ...(request.transaction ? { transaction: request.transaction } : {}),
  };
}

function controlError(res: Response, status: 400 | 404 | 409, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
