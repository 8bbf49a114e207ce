/**
 * What a viewer may send as a token id or a claim code. Both end up as a path segment of a Kigo URL,
 * so anything outside a plain alphabet (`..`, `/`, `%`) is refused here rather than sent.
 */
import { keyOfGlobalId } from '../schema/global-id';

const KIGO_TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/;
const CLAIM_CODE = /^[A-Za-z0-9-]{1,64}$/;

export function isKigoTokenId(id: string): boolean {
  return KIGO_TOKEN_ID.test(id);
}

/** The Kigo token id behind a Token global id or a Kigo id as such; undefined when it is neither. */
export function kigoTokenIdOf(input: string): string | undefined {
  const trimmed = input.trim();
  const id = keyOfGlobalId(trimmed, 'Token') ?? trimmed;
  return isKigoTokenId(id) ? id : undefined;
}

/** Claim codes may be typed with surrounding spaces; case is left for Kigo to judge. */
export function normalizeClaimCode(input: string): string {
  return input.trim();
}

/** False for a code that no Kigo code can be: it fails like an unknown code, without asking Kigo. */
export function isPlausibleClaimCode(code: string): boolean {
  return CLAIM_CODE.test(code);
}
