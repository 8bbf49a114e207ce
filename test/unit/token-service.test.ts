import 'reflect-metadata';
import type { KigoClient } from '../../src/datasources/kigo/kigo-client';
import type { CursorCodec } from '../../src/schema/cursor';
import { createScope } from '../../src/scope';
import { IdempotencyInProgressError, type IdempotencyStore } from '../../src/store/idempotency-store';
import type { ClaimAttempts } from '../../src/tokens/claim-attempts';
import { TokenService } from '../../src/tokens/token-service';

/* What a token mutation answers while another instance still runs the same clientMutationId. */

it('answers RATE_LIMITED with the store’s retryAfterSeconds, like mintCard and placeVoucherOrder, while the first call is still running', async () => {
  const idempotency = { run: () => Promise.reject(new IdempotencyInProgressError(3)) } as unknown as IdempotencyStore;
  const service = new TokenService({} as KigoClient, idempotency, {} as CursorCodec, {} as ClaimAttempts);
  await expect(service.shareToken(createScope({ viewer: null }), 'alice', { tokenId: 'tok_alice_01', clientMutationId: 'm1' })).rejects.toMatchObject({
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 },
  });
});
