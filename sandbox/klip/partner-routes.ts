/**
 * Klip Card Minting API (partners) — base `/klip/v2`.
 * Auth [doc]: `POST /partner/auth {email, password}` with the password as lowercase SHA-256 hex; the
 *   access token lasts 24 h (sandbox clock) and is sent raw in `Authorization`, no `Bearer` prefix —
 *   a prefixed, unknown or missing token is 401 code 40101, an expired one 401 code 40102.
 * Pagination [doc]: `GET /wallet/bapp` answers at most 100 cards and an opaque forward-only
 *   `next_cursor` (see cursor.ts), `""` on the last page; a tampered cursor is 400 code 40001.
 * Errors: statuses 400, 401 and 500 only [doc: "In case of an error, it returns HTTP codes 400, 401, or
 *   500"], so an unknown card is 400 (code 40400); the body `{code: <int>, message}` and the codes are
 *   [model] (errors.ts).
 * Limits [model]: 1..100 `to_address` per mint; `mint_limit` 100000 cards.
 * [model]: the card info path `GET /wallet/card/:cardId`, the mint answer `{cards}`, and the card's
 *   `name, description, image, attributes`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { toWireCard } from './cards';
import { paginate, readCursor } from './cursor';
import { KlipErrorCode, sendKlipError, sendValidationError } from './errors';
import { address, text } from './fields';
import { PARTNER_PROFILE } from './seed';
import type { KlipState } from './state';

const BAPP_SCOPE = 'bapp';
const MAX_ADDRESSES_PER_MINT = 100;

const loginSchema = z.object({ email: text({ max: 320 }), password: text({ max: 200 }) }, { error: 'the body must be a JSON object' });

const mintSchema = z.object(
  {
    to_address: z
      .array(address(), { error: (i) => (i.input === undefined ? 'is required' : 'must be an array of addresses') })
      .min(1, 'must list at least one address')
      .max(MAX_ADDRESSES_PER_MINT, `must list at most ${MAX_ADDRESSES_PER_MINT} addresses`),
    contract_address: address(),
    name: text({ max: 200 }),
    description: z.string({ error: 'must be a string' }).max(10_000).optional(),
    image: text({ max: 2048 }),
    sendable: z.boolean({ error: 'must be true or false' }).optional(),
    attributes: z
      .array(z.object({ trait_type: text({ max: 100 }), value: z.union([z.string(), z.number()], { error: 'must be a string or a number' }) }), {
        error: 'must be an array of {trait_type, value}',
      })
      .max(50, 'must hold at most 50 attributes')
      .optional(),
    hashtags: z.union([z.string(), z.array(z.string())], { error: 'must be a string or an array of strings' }).optional(),
    external_link: z.string({ error: 'must be a string' }).max(2048).optional(),
  },
  { error: 'the body must be a JSON object' },
);

export function registerPartnerRoutes(api: Router, state: KlipState): void {
  const { credentials } = state.ctx;
  const expectedPasswordHash = createHash('sha256').update(credentials.klip.partnerPassword).digest('hex');
  const requirePartner = partnerAuth(state);

  api.post('/partner/auth', (req, res) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const { email, password } = parsed.data;
    if (email.toLowerCase() !== credentials.klip.partnerEmail.toLowerCase() || !sameText(password, expectedPasswordHash)) {
      return sendKlipError(res, 401, KlipErrorCode.WrongCredentials, 'email or password is incorrect');
    }
    const { token } = state.tokens.issue(credentials.klip.partnerEmail);
    res.json({
      email: credentials.klip.partnerEmail,
      klaytn_address: PARTNER_PROFILE.klaytnAddress,
      contract_address: state.cards.contract,
      name: PARTNER_PROFILE.name,
      service_name: PARTNER_PROFILE.serviceName,
      access_token: token,
      status: PARTNER_PROFILE.status,
      mint_limit: PARTNER_PROFILE.mintLimit,
      mint_count: state.mintCount,
    });
  });

  api.get('/wallet/bapp', requirePartner, (req, res) => {
    const afterId = readCursor(req, res, BAPP_SCOPE);
    if (afterId === undefined) return;
    const { page, nextCursor } = paginate(state.cards.all(), BAPP_SCOPE, afterId);
    res.json({
      bapps: [{ name: PARTNER_PROFILE.serviceName, contract_address: state.cards.contract, cards: page.map(toWireCard) }],
      next_cursor: nextCursor,
    });
  });

  api.get('/wallet/card/:cardId', requirePartner, (req, res) => {
    const raw = String(req.params['cardId']);
    if (!/^[1-9]\d{0,18}$/.test(raw)) return sendKlipError(res, 400, KlipErrorCode.InvalidCardId, 'card_id must be a positive decimal integer');
    const card = state.cards.byId(Number(raw));
    if (!card) return sendKlipError(res, 400, KlipErrorCode.CardNotFound, `no card ${raw} in contract ${state.cards.contract}`);
    res.json(toWireCard(card));
  });

  api.post('/wallet/mint', requirePartner, (req, res) => {
    const parsed = mintSchema.safeParse(req.body);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    // The PIN is checked apart from the schema so that its message is always about the PIN and never holds it.
    const pin: unknown = (req.body as Record<string, unknown>)['pin'];
    if (typeof pin !== 'string' || pin === '') return sendKlipError(res, 400, KlipErrorCode.InvalidPin, 'pin: is required (a string)');
    if (!sameText(pin, credentials.klip.cardPin)) return sendKlipError(res, 400, KlipErrorCode.InvalidPin, 'pin: is incorrect');
    const body = parsed.data;
    if (body.contract_address !== state.cards.contract) {
      return sendKlipError(res, 400, KlipErrorCode.ContractNotOwned, `contract_address: ${body.contract_address} is not this partner's card contract`);
    }
    if (state.mintCount + body.to_address.length > PARTNER_PROFILE.mintLimit) {
      return sendKlipError(res, 400, KlipErrorCode.MintLimitExceeded, `minting ${body.to_address.length} cards would exceed mint_limit ${PARTNER_PROFILE.mintLimit}`);
    }
    const minted = state.cards.mint(body.to_address, {
      name: body.name,
      description: body.description ?? '',
      image: body.image,
      attributes: body.attributes ?? [],
    });
    state.mintCount += minted.length;
    res.json({ cards: minted.map(toWireCard) });
  });
}

/** Guards a partner route: the raw token must be one we issued and still live. */
function partnerAuth(state: KlipState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (header === undefined || header === '') return sendKlipError(res, 401, KlipErrorCode.InvalidToken, 'Authorization header is missing');
    const check = state.tokens.check(header);
    if (check === 'valid') return next();
    if (check === 'expired') return sendKlipError(res, 401, KlipErrorCode.ExpiredToken, 'access token has expired; log in again');
    const hint = /^bearer /i.test(header) ? ' (send the token raw, without a Bearer prefix)' : '';
    sendKlipError(res, 401, KlipErrorCode.InvalidToken, `access token is invalid${hint}`);
  };
}

/** Constant-time string comparison, so response time says nothing about how much of a secret matched. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
