/**
 * What the gateway sends Kigo as a token id or a claim code, both path segments of a Kigo URL. Kigo does
 * not publish either format, so these are our [model] bounds, kept wide: their only job is to keep a
 * value from changing which URL is called (`/`, `?`, `..`) or from carrying megabytes, and Kigo judges
 * the rest. A value refused here fails as an unknown one does, without a call.
 */

/**
 * Token ids [model]: the sandbox's are `tok_` + hex; any id of letters, digits and `_ . : ~ -` up to
 * 128 characters, starting with a letter or digit, is sent. If real Kigo ids held other characters, such
 * tokens would still list (ids Kigo sends are only checked as printable, wire.ts) but `node(id)` and the
 * token mutations would answer them as not found.
 */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/;

/**
 * Claim codes [model]: "12+ characters from an unambiguous alphabet" is our model of them, not Kigo's
 * word. Any printable code up to this many characters goes to Kigo as typed (trimmed), letters, digits,
 * punctuation, spaces and non-Latin letters alike; only control and format characters, line breaks and
 * the two codes that are path steps (`.`, `..`) are refused.
 */
const KIGO_CLAIM_CODE_MAX_LENGTH = 256;
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

export function isKigoTokenId(id: string): boolean {
  return TOKEN_ID.test(id);
}

export function isSendableClaimCode(code: string): boolean {
  return code.length > 0 && code.length <= KIGO_CLAIM_CODE_MAX_LENGTH && !UNPRINTABLE.test(code) && code !== '.' && code !== '..';
}

/** A token id as its path segment (callers pass only ids isKigoTokenId accepts). */
export function tokenIdSegment(tokenId: string): string {
  return pathSegment(tokenId);
}

/** A claim code as its path segment (callers pass only codes isSendableClaimCode accepts). */
export function claimCodeSegment(code: string): string {
  return pathSegment(code);
}

function pathSegment(value: string): string {
  if (value === '.' || value === '..' || value === '') throw new Error('not a path segment Kigo can be asked about');
  return encodeURIComponent(value);
}
