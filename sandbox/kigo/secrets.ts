import { randomBytes } from 'node:crypto';

/** Session tokens: 256 random bits, prefixed by kind so a misplaced token is obvious in a trace [model]. */
export function newSessionToken(prefix: 'kps' | 'kua' | 'kur'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** No 0/O, 1/I/L: a person may read the code aloud or type it from a screenshot. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 16;

/**
 * A claim code of CLAIM_CODE_LENGTH characters (about 79 bits). Bytes at or above the largest multiple
 * of the alphabet size are discarded so every character is equally likely (no modulo bias).
 */
export function newClaimCode(): string {
  const size = CLAIM_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < CLAIM_CODE_LENGTH) {
    for (const byte of randomBytes(CLAIM_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += CLAIM_CODE_ALPHABET[byte % size];
      if (code.length === CLAIM_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Codes are shown upper-case; a recipient typing lower-case still gets the token [model]. */
export function normalizeClaimCode(input: string): string {
  return input.trim().toUpperCase();
}
