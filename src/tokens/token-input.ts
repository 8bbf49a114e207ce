/**
 * What a viewer may send as a token id or a claim code. Both end up as a path segment of a Kigo URL;
 * their formats are Kigo's to know, so the rules live in datasources/kigo/kigo-formats.ts ([model]).
 */
import { isKigoTokenId } from '../datasources/kigo/kigo-formats';
import { keyOfGlobalId } from '../schema/global-id';

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

