/**
 * Checks a PrepareApp2AppInput before anything is sent to Klip, and builds Klip's prepare body from it.
 * Each type takes its own fields [sdk]: AUTH none; SEND_KLAY to + amount; SEND_TOKEN contract + to +
 * amount; SEND_CARD contract + to + cardId; EXECUTE_CONTRACT to + value + abi + params; SIGN_MESSAGE
 * message; `from` is optional for every type but AUTH. A field the type does not use is refused rather
 * than dropped, so a client that set it by mistake learns so instead of signing something else.
 */
import { A2A_TRANSACTION_WIRE_NAMES, transactionFieldOf, type A2aTransactionField, type WirePrepareBody } from '../datasources/klip/a2a-wire';
import { wireType } from './app2app-mapper';
import { App2AppType } from '../schema/app2app.enums';
import type { PrepareApp2AppInput } from '../schema/app2app-prepare.input';
import { UserError, UserErrorCode } from '../schema/user-error.type';

type TransactionField = A2aTransactionField;

const TRANSACTION_FIELDS = Object.keys(A2A_TRANSACTION_WIRE_NAMES) as readonly TransactionField[];

/** The fields each type requires; `from` is optional for all but AUTH. */
const REQUIRED: Record<App2AppType, readonly TransactionField[]> = {
  [App2AppType.AUTH]: [],
  [App2AppType.SEND_KLAY]: ['to', 'amount'],
  [App2AppType.SEND_TOKEN]: ['contract', 'to', 'amount'],
  [App2AppType.SEND_CARD]: ['contract', 'to', 'cardId'],
  [App2AppType.EXECUTE_CONTRACT]: ['to', 'value', 'abi', 'params'],
  [App2AppType.SIGN_MESSAGE]: ['message'],
};

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_MESSAGE = 10_000;
const MAX_BAPP_NAME = 200;
const MAX_CALLBACK = 2_048;

/** One rule per field: undefined when the value is fine, else what is wrong with it. */
const RULES: Record<TransactionField, (value: string) => string | undefined> = {
  to: address,
  from: address,
  contract: address,
  amount: (v) => (!DECIMAL.test(v) ? 'must be a decimal string such as "1.5"' : /[1-9]/.test(v) ? undefined : 'must be greater than 0'),
  value: (v) => (DECIMAL.test(v) ? undefined : 'must be a decimal string such as "0"'),
  cardId: (v) => (/^[1-9]\d{0,18}$/.test(v) ? undefined : 'must be a positive whole number such as "42"'),
  abi: (v) => (jsonKind(v) === 'object' ? undefined : 'must be a JSON object encoded as a string (the function ABI)'),
  params: (v) => (jsonKind(v) === 'array' ? undefined : 'must be a JSON array encoded as a string (the call arguments)'),
  message: (v) => (v.length > MAX_MESSAGE ? `must be at most ${MAX_MESSAGE} characters` : undefined),
};

export type PrepareValidation = { ok: true; body: WirePrepareBody } | { ok: false; userErrors: UserError[] };

export function validatePrepareInput(input: PrepareApp2AppInput, defaultBappName: string): PrepareValidation {
  const errors: UserError[] = [];
  const invalid = (field: string, message: string) => errors.push(UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', field]));
  const required = REQUIRED[input.type];
  const transaction: Record<string, string> = {};

  for (const field of TRANSACTION_FIELDS) {
    const value = input[field] ?? undefined;
    const used = required.includes(field) || (field === 'from' && input.type !== App2AppType.AUTH);
    if (value === undefined) {
      if (required.includes(field)) invalid(field, `\`${field}\` is required for ${input.type} requests`);
      continue;
    }
    if (!used) {
      invalid(field, `\`${field}\` is not used by ${input.type} requests`);
      continue;
    }
    const trimmed = value.trim();
    const problem = trimmed === '' ? 'must not be empty' : RULES[field](trimmed);
    if (problem) invalid(field, `\`${field}\` ${problem}`);
    else transaction[A2A_TRANSACTION_WIRE_NAMES[field]] = field === 'message' ? value : trimmed;
  }

  const bappName = input.bappName?.trim() ?? defaultBappName;
  if (bappName === '' || bappName.length > MAX_BAPP_NAME) invalid('bappName', `\`bappName\` must be 1 to ${MAX_BAPP_NAME} characters`);

  const callback: { success?: string; fail?: string } = {};
  for (const which of ['success', 'fail'] as const) {
    const url = input.callback?.[which]?.trim();
    if (url === undefined) continue;
    if (!isUrl(url) || url.length > MAX_CALLBACK) invalid('callback', `\`callback.${which}\` must be an absolute URL of at most ${MAX_CALLBACK} characters`);
    else callback[which] = url;
  }

  if (errors.length > 0) return { ok: false, userErrors: errors };
  return {
    ok: true,
    body: {
      bapp: { name: bappName, ...(Object.keys(callback).length > 0 ? { callback } : {}) },
      type: wireType(input.type),
      ...(input.type === App2AppType.AUTH ? {} : { transaction }),
    },
  };
}

/** Maps the wire path Klip named in a refusal (`transaction.card_id`) to our input path. */
export function inputFieldOf(wirePath: string): string[] {
  const [head, name] = wirePath.split('.');
  if (head === 'bapp') return ['input', name === 'callback' ? 'callback' : 'bappName'];
  if (head === 'callback') return ['input', 'callback'];
  const field = transactionFieldOf(wirePath);
  return field ? ['input', field] : ['input'];
}

function address(value: string): string | undefined {
  return ADDRESS.test(value) ? undefined : 'must be a Klaytn address: 0x followed by 40 hex digits';
}

function jsonKind(text: string): 'object' | 'array' | 'other' {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return 'array';
    return typeof parsed === 'object' && parsed !== null ? 'object' : 'other';
  } catch {
    return 'other';
  }
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
