/**
 * What a client hears about its idempotency key, in one place for every mutation that takes one
 * (shareToken, cancelTokenShare, claimToken and mintCard's `clientMutationId`, placeVoucherOrder's
 * `idempotencyKey`). The store (store/idempotency-store.ts) decides who acts; this turns its verdicts
 * into the API's answers:
 * - the same key still running elsewhere (a live twin, after waiting up to 2 s) → RATE_LIMITED with
 *   `retryAfterSeconds`: when the twin's lease would have run out, were it dead, so that the retry then
 *   either finds its result or takes the key over;
 * - an earlier attempt whose effect is unknown → UPSTREAM_UNAVAILABLE saying where to look first;
 * - the key used before for another request → an INVALID_INPUT userError on the key's field.
 */
import { ErrorCode, UpstreamError, badUserInput, rateLimited, type Provider } from './errors';
import { UserError, UserErrorCode } from './schema/user-error.type';
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyOutcomeUnknownError,
  type Attempt,
  type IdempotencyStore,
  type RunOptions,
} from './store/idempotency-store';

export interface IdempotentMutation {
  /** The mutation's name, for messages: `shareToken`, `mintCard`. */
  mutation: string;
  /** The input field that carries the key. */
  keyField: 'clientMutationId' | 'idempotencyKey';
  /** What "another request" means here, for the reused-key message: `mint`, `order (voucher, …)`. */
  requestNoun: string;
  provider: Provider;
  /** After an unknown outcome: what may have happened (`minted`) and where to look (`partnerCards`). */
  unknownOutcome?: { effect: string; lookAt: string; when: RunOptions['outcomeUnknown'] };
}

export type IdempotentResult<T> = { ok: true; value: T } | { ok: false; userError: UserError };

/** Longest key accepted: keys are stored and compared, not meant to carry data. */
export const MAX_IDEMPOTENCY_KEY = 200;

/** Throws BAD_USER_INPUT for an empty or overlong key (whitespace is the caller's to trim). */
export function checkIdempotencyKey(key: string, keyField: IdempotentMutation['keyField']): void {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY) {
    throw badUserInput(`\`${keyField}\` must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`, ['input', keyField]);
  }
}

/**
 * Runs `action` at most once for (`scope`, `key`) through the store and answers repeats with the
 * first result; `fingerprint` identifies the request, so a key reused for another request is refused.
 * `action` learns from its Attempt whether it takes over from an earlier attempt that may have acted
 * (then it must find out what the upstream did before acting again).
 */
export async function runIdempotent<T>(
  store: IdempotencyStore,
  target: { scope: string; key: string; fingerprint: string },
  mutation: IdempotentMutation,
  action: (attempt: Attempt) => Promise<T>,
): Promise<IdempotentResult<T>> {
  try {
    const value = await store.run(target.scope, target.key, action, target.fingerprint, { outcomeUnknown: mutation.unknownOutcome?.when });
    return { ok: true, value };
  } catch (err) {
    const { keyField } = mutation;
    if (err instanceof IdempotencyInProgressError) {
      throw rateLimited(`A ${mutation.mutation} with this ${keyField} is still in progress; retry shortly`, err.retryAfterSeconds);
    }
    if (err instanceof IdempotencyOutcomeUnknownError) {
      const { effect, lookAt } = mutation.unknownOutcome ?? { effect: 'succeeded', lookAt: 'the result' };
      throw new UpstreamError(
        mutation.provider,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `An earlier ${mutation.mutation} with this ${keyField} did not finish (it timed out, or its gateway stopped) and may have ${effect}; check ${lookAt} before trying again with a new ${keyField}`,
      );
    }
    if (err instanceof IdempotencyKeyReusedError) {
      const message = `This ${keyField} was already used for a different ${mutation.requestNoun}; use a new one`;
      return { ok: false, userError: UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', keyField]) };
    }
    throw err;
  }
}
