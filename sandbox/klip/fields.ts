/**
 * Field rules shared by the Card Minting and App2App validators. Addresses are `0x` + 40 hex digits
 * (either case; stored and answered lowercase); amounts are decimal strings, never JSON numbers, as the
 * Klip SDKs send them [sdk].
 */
import { z } from 'zod';
import { ADDRESS_MESSAGE } from './errors';

export const ADDRESS_PATTERN = /^0x[0-9a-fA-F]{40}$/;

export function isAddress(value: unknown): value is string {
  return typeof value === 'string' && ADDRESS_PATTERN.test(value);
}

/** A string field with messages that say "is required" rather than zod's type jargon. */
export function text(options: { max?: number } = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(options.max ?? 10_000, `must be at most ${options.max ?? 10_000} characters`);
}

export function address() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : ADDRESS_MESSAGE) })
    .regex(ADDRESS_PATTERN, ADDRESS_MESSAGE)
    .transform((a) => a.toLowerCase());
}

/** A positive decimal amount such as `"1"` or `"0.25"`. */
export function positiveAmount() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a decimal string such as "1.5"') })
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "1.5"')
    .refine((s) => /[1-9]/.test(s), 'must be greater than 0');
}

/** A non-negative decimal amount (`execute_contract.value` may be `"0"`). */
export function amount() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a decimal string such as "0"') })
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "0"');
}

/** A card id: a positive decimal integer as a string. */
export function cardId() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a decimal string') })
    .regex(/^[1-9]\d{0,18}$/, 'must be a positive decimal integer string');
}

/** A string that must hold JSON of the given shape (execute_contract's `abi` and `params` [sdk]). */
export function jsonText(kind: 'object' | 'array') {
  return text({ max: 100_000 }).refine((s) => {
    try {
      const parsed: unknown = JSON.parse(s);
      return kind === 'array' ? Array.isArray(parsed) : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    } catch {
      return false;
    }
  }, `must be a JSON ${kind} encoded as a string`);
}
