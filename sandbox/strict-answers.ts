/**
 * Strict mode's changes to the JSON answers of the providers' own handlers (strict.ts lists them all):
 * never applied to a fault's injected answer, to paths no route takes, or outside strict mode. Each
 * provider's shaper knows its error shape and which of its objects carry which optional fields.
 */
import type { Response } from 'express';
import { KlipErrorCode } from './klip/errors';
import type { ProviderName } from './provider';
import type { StrictChoice, StrictMode } from './strict';
import { PlumErrorId } from './xoxoday/errors';

type JsonObject = Record<string, unknown>;
interface Answer {
  status: number;
  body: unknown;
}
type Shaper = (strict: StrictMode, answer: Answer) => Answer;

/** Odds of the per-object and per-error draws; the per-answer picks are uniform over their variants. */
const P_EXTRA_FIELD = 0.3;
const P_MISSING_FIELD = 0.2;
const P_UNKNOWN_CODE = 0.25;

/** Makes `res.json` pass the handler's body through the provider's shaper first. */
export function shapeStrictAnswers(strict: StrictMode, provider: ProviderName, res: Response): void {
  if (!strict.enabled) return;
  const send = res.json.bind(res);
  res.json = ((body: unknown) => {
    // A copy: handlers may answer with live state (the catalog's products), which must not change.
    const shaped = SHAPERS[provider](strict, { status: res.statusCode, body: structuredClone(body) });
    res.status(shaped.status);
    return send(shaped.body);
  }) as Response['json'];
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object inside `value` (itself included), collected before any of them is changed. */
function objectsIn(value: unknown, found: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, found);
  else if (isObject(value)) {
    found.push(value);
    for (const child of Object.values(value)) objectsIn(child, found);
  }
  return found;
}

const EXTRA_NAMES = ['metadata', 'region', 'revision', 'trace_id', 'is_test', 'labels'];

function addExtraField(strict: StrictMode, target: JsonObject): void {
  if (!strict.chance('extraField', P_EXTRA_FIELD)) return;
  const free = EXTRA_NAMES.filter((name) => !(name in target));
  if (free.length === 0) return;
  const values: unknown[] = [`sandbox-${strict.int(1, 999)}`, strict.int(0, 1000), true, null, { source: 'sandbox' }, []];
  target[free[strict.int(0, free.length - 1)]!] = values[strict.int(0, values.length - 1)];
}

/** Leaves out optional `fields`; with `onlyNull`, only those whose value is null (absent instead of null). */
function dropOptional(strict: StrictMode, target: JsonObject, fields: string[], onlyNull = false): void {
  for (const field of fields) {
    if (!(field in target) || (onlyNull && target[field] !== null)) continue;
    if (strict.chance('missingOptional', P_MISSING_FIELD)) delete target[field];
  }
}

/** An unknown id's code: kept, left out, or replaced by one no client knows. */
function varyCode(strict: StrictMode, choice: StrictChoice, target: JsonObject, key: string, unknown: () => unknown): void {
  const variant = strict.pick(choice, ['keep', 'absent', 'unknown'] as const);
  if (variant === 'absent') delete target[key];
  if (variant === 'unknown') target[key] = unknown();
}

/** Extra fields on the answer itself and on the objects `isEntity` recognises. */
function extrasOn(strict: StrictMode, body: unknown, isEntity: (o: JsonObject) => boolean): JsonObject[] {
  const all = objectsIn(body);
  const entities = all.filter(isEntity);
  for (const target of new Set([...all.slice(0, 1), ...entities])) addExtraField(strict, target);
  return entities;
}

const KIGO_UNKNOWN_ID = new Set(['token_not_found', 'claim_code_invalid']);
const KIGO_UNKNOWN_CODES = ['unexpected_condition', 'resource_unavailable', 'not_permitted', 'conflict'];

const kigo: Shaper = (strict, answer) => {
  const { body } = answer;
  if (answer.status >= 400) {
    const error = isObject(body) && isObject(body['error']) ? body['error'] : undefined;
    if (!error || typeof error['code'] !== 'string') return answer;
    const unknownCode = () => KIGO_UNKNOWN_CODES[strict.int(0, KIGO_UNKNOWN_CODES.length - 1)];
    if (KIGO_UNKNOWN_ID.has(error['code'])) {
      const status = strict.pick('kigo.unknownId', [answer.status, 400]);
      varyCode(strict, 'kigo.unknownId', error, 'code', unknownCode);
      return { status, body };
    }
    if (strict.chance('unknownErrorCode', P_UNKNOWN_CODE)) error['code'] = unknownCode();
    return answer;
  }
  for (const token of extrasOn(strict, body, (o) => typeof o['token_id'] === 'string')) {
    dropOptional(strict, token, ['description', 'media']);
    dropOptional(strict, token, ['value', 'expires_at', 'share'], true);
  }
  return answer;
};

const KLIP_UNKNOWN_ID = new Set<unknown>([KlipErrorCode.CardNotFound, KlipErrorCode.UnknownRequestKey]);
const A2A_UNKNOWN_ERRORS = ['timeout', 'declined_by_wallet', 'invalid_state'];

const klip: Shaper = (strict, answer) => {
  const { body } = answer;
  if (!isObject(body)) return answer;
  // Known Klip codes are status × 100 + 0…7; 90…99 is free.
  const unknownCode = () => answer.status * 100 + strict.int(90, 99);
  if (answer.status >= 400) {
    if (typeof body['code'] !== 'number') return answer;
    if (KLIP_UNKNOWN_ID.has(body['code'])) varyCode(strict, 'klip.unknownIdCode', body, 'code', unknownCode);
    else if (strict.chance('unknownErrorCode', P_UNKNOWN_CODE)) body['code'] = unknownCode();
    return answer;
  }
  if (body['next_cursor'] === '') {
    const end = strict.pick('klip.endCursor', ['empty', 'null', 'absent'] as const);
    if (end === 'null') body['next_cursor'] = null;
    if (end === 'absent') delete body['next_cursor'];
  }
  const a2aError = body['error'];
  if (isObject(a2aError) && typeof a2aError['code'] === 'string' && strict.chance('unknownErrorCode', P_UNKNOWN_CODE)) {
    a2aError['code'] = A2A_UNKNOWN_ERRORS[strict.int(0, A2A_UNKNOWN_ERRORS.length - 1)];
  }
  for (const card of extrasOn(strict, body, (o) => typeof o['card_id'] === 'string')) {
    dropOptional(strict, card, ['name', 'description', 'image', 'attributes']);
  }
  return answer;
};

const xoxoday: Shaper = (strict, answer) => {
  const { body } = answer;
  if (!isObject(body)) return answer;
  const unknownErrorId = () => `PLE19${strict.int(100, 999)}`;
  if (answer.status >= 400) {
    if (body['errorId'] === PlumErrorId.OrderNotFound) {
      const status = strict.pick('xoxoday.unknownOrder', [answer.status, 400]);
      body['code'] = status;
      varyCode(strict, 'xoxoday.unknownOrder', body, 'errorId', unknownErrorId);
      return { status, body };
    }
    if (body['errorId'] === PlumErrorId.DailyLimit && strict.chance('unknownErrorCode', P_UNKNOWN_CODE)) body['errorId'] = unknownErrorId();
    return answer;
  }
  const entities = extrasOn(strict, body, (o) => ['productId', 'orderId', 'voucherCode'].some((key) => key in o));
  for (const entry of entities) if ('orderDate' in entry) dropOptional(strict, entry, ['currencyCode']);
  return answer;
};

const SHAPERS: Record<ProviderName, Shaper> = { kigo, klip, xoxoday };
