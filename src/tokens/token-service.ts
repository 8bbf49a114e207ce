/**
 * Kigo tokens for the API: the viewer's wallet as a Relay connection, node loading, claim preview,
 * and the share / cancel / claim mutations with their userErrors, clientMutationId replay and the
 * failed-claim limit. Resolvers call this after checking who is asking; Kigo itself is behind
 * KigoClient. Claim codes pass through here but are never logged or put in a message.
 *
 * With a clientMutationId, an attempt that takes over from one that failed or died (its answer lost,
 * its gateway killed) first reads what Kigo did:
 * - share: the token shows a pending share, made by that attempt, whose code nobody received: it is
 *   cancelled and the token shared again, so the retry answers a code that works and the lost one is dead;
 * - claim: the first attempt noted which token the code was for (a preview before claiming); if that
 *   token is in the claimer's wallet, the claim happened and the retry answers it;
 * - cancel: no pending share any more is what was asked: answered as done.
 */
import { createHash } from 'node:crypto';
import { Provider, badUserInput } from '../errors';
import { checkIdempotencyKey, runIdempotent, type IdempotentMutation } from '../idempotency';
import type { KigoClient } from '../datasources/kigo/kigo-client';
import { isKigoTokenId, isSendableClaimCode } from '../datasources/kigo/kigo-formats';
import type { KigoRejectionKind } from '../datasources/kigo/kigo-rejections';
import type { KigoToken } from '../datasources/kigo/wire';
import { rejectionKind } from '../datasources/rejection';
import type { Attempt, IdempotencyStore } from '../store/idempotency-store';
import { sourceConnection, type ListSource, type PagingArgsInput } from '../paging/list-source';
import { offsetSource, type OffsetPosition } from '../paging/offset-source';
import type { CursorCodec } from '../schema/cursor';
import type { CancelTokenShareInput, ClaimTokenInput, ShareTokenInput } from '../schema/token.inputs';
import { CancelTokenSharePayload, ClaimTokenPayload, ShareTokenPayload } from '../schema/token.payloads';
import { Token, TokenConnection, type TokenStatus } from '../schema/token.type';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import type { OperationScope } from '../scope';
import type { ClaimAttempts } from './claim-attempts';
import { kigoTokenIdOf, normalizeClaimCode } from './token-input';
import { kigoTokenLoader } from './token-loader';
import { kigoStatusOf, toToken } from './token-mapper';
import { cancelLostShare, claimedEarlier, type ClaimNote } from './token-recovery';

/**
 * A mutation's result as kept for clientMutationId replay (encrypted in the store): plain JSON, so a
 * replay rebuilds the same payload objects as the first answer.
 */
interface Outcome {
  token: KigoToken | null;
  userErrors: Array<{ code: UserErrorCode; message: string; field: string[] }>;
  claimCode?: string;
  claimExpiresAt?: string | null;
}

const TOKEN_ID_FIELD = ['input', 'tokenId'];
/** Kigo's largest wallet page (`limit` 1..100). */
const KIGO_MAX_LIMIT = 100;
const CLAIM_CODE_FIELD = ['input', 'claimCode'];

/** The Kigo rejections a mutation answers as userErrors: the same words for a missing token and someone else's. */
type ExpectedRejection = Exclude<KigoRejectionKind, 'session-rejected' | 'share-refused'>;
const REJECTIONS: Record<ExpectedRejection, { code: UserErrorCode; message: string; field: string[] }> = {
  'token-not-found': { code: UserErrorCode.NOT_FOUND, message: 'There is no token with this id in your wallet', field: TOKEN_ID_FIELD },
  'token-not-shareable': { code: UserErrorCode.TOKEN_NOT_SHAREABLE, message: 'This token cannot be shared', field: TOKEN_ID_FIELD },
  'token-already-shared': {
    code: UserErrorCode.TOKEN_ALREADY_SHARED,
    message: 'This token already has a pending share; cancel it before sharing again',
    field: TOKEN_ID_FIELD,
  },
  'share-not-pending': { code: UserErrorCode.SHARE_NOT_PENDING, message: 'This token has no pending share to cancel', field: TOKEN_ID_FIELD },
  'claim-code-invalid': {
    code: UserErrorCode.CLAIM_CODE_INVALID,
    message: 'This claim code is not valid: it is unknown, cancelled, expired or already claimed',
    field: CLAIM_CODE_FIELD,
  },
  'cannot-claim-own-token': {
    code: UserErrorCode.CANNOT_CLAIM_OWN_TOKEN,
    message: 'You shared this token yourself; cancel the share instead of claiming it',
    field: CLAIM_CODE_FIELD,
  },
};

export class TokenService {
  constructor(
    private readonly kigo: KigoClient,
    private readonly idempotency: IdempotencyStore,
    private readonly cursors: CursorCodec,
    private readonly claimAttempts: ClaimAttempts,
  ) {}

  /**
   * `viewer.tokens`: one Kigo page per call (for `last` without `before`, a page of 100 from the start
   * says how many there are, and is the answer for a wallet of up to 100; a second call otherwise);
   * cursors are offsets, signed per status filter.
   */
  async tokens(scope: OperationScope, sub: string, args: PagingArgsInput & { status?: TokenStatus | null }): Promise<TokenConnection> {
    const kind = `Token:${args.status ?? 'ALL'}`;
    const connection = await sourceConnection(this.cursors, kind, this.tokenSource(scope, sub, args.status ?? undefined), args);
    return Object.assign(new TokenConnection(), connection, { totalCount: connection.total ?? 0 });
  }

  /** `sub`'s wallet as a list in Kigo's order (what `tokens` and `viewer.assets` page through). */
  tokenSource(scope: OperationScope, sub: string, status?: TokenStatus): ListSource<Token, OffsetPosition> {
    const loader = kigoTokenLoader(scope, this.kigo, sub);
    return offsetSource(async (offset, limit) => {
      const page = await loader.trackPage(this.kigo.listTokens(scope, sub, { offset, limit, status: status ? kigoStatusOf(status) : undefined }));
      const tokens = page.data.map(toToken);
      for (const token of tokens) loader.remember(token);
      return { items: tokens, total: page.total };
    }, { maxLimit: KIGO_MAX_LIMIT });
  }

  /** For node(id)/nodes(ids): the viewer's tokens, null for anyone else's or a malformed id. */
  async nodes(scope: OperationScope, keys: readonly string[]): Promise<Array<Token | null>> {
    const sub = scope.viewer?.id;
    if (sub === undefined) return keys.map(() => null);
    const loader = kigoTokenLoader(scope, this.kigo, sub);
    return Promise.all(keys.map((key) => (isKigoTokenId(key) ? loader.load(key) : null)));
  }

  /** What a code would give; null for a code Kigo does not know, which counts as a failed attempt. */
  async claimPreview(scope: OperationScope, sub: string, rawCode: string): Promise<Token | null> {
    const code = normalizeClaimCode(rawCode);
    if (code === '') throw badUserInput('`claimCode` must not be empty', ['claimCode']);
    return this.claimAttempts.attempt(
      sub,
      async () => {
        if (!isSendableClaimCode(code)) return null;
        try {
          return toToken(await this.kigo.previewClaim(scope, sub, code));
        } catch (err) {
          if (rejectionKind<KigoRejectionKind>(err, Provider.KIGO) === 'claim-code-invalid') return null;
          throw err;
        }
      },
      (token) => token === null,
    );
  }

  async shareToken(scope: OperationScope, sub: string, input: ShareTokenInput): Promise<ShareTokenPayload> {
    const tokenId = kigoTokenIdOf(input.tokenId);
    const outcome = await this.once('shareToken', sub, input.clientMutationId, String(tokenId), async (attempt): Promise<Outcome> => {
      if (tokenId === undefined) return invalidTokenId();
      try {
        if (attempt?.takeover) await cancelLostShare(this.kigo, scope, sub, tokenId);
        const share = await this.kigo.shareToken(scope, sub, tokenId);
        return { token: share.token, userErrors: [], claimCode: share.claim_code, claimExpiresAt: share.expires_at ?? share.token.share?.expires_at ?? null };
      } catch (err) {
        return this.rejected(scope, err, sub, tokenId);
      }
    });
    return Object.assign(new ShareTokenPayload(), {
      ...this.payloadOf(scope, sub, outcome, input.clientMutationId),
      claimCode: outcome.claimCode ?? null,
      claimExpiresAt: outcome.claimExpiresAt ? new Date(outcome.claimExpiresAt) : null,
    });
  }

  async cancelTokenShare(scope: OperationScope, sub: string, input: CancelTokenShareInput): Promise<CancelTokenSharePayload> {
    const tokenId = kigoTokenIdOf(input.tokenId);
    const outcome = await this.once('cancelTokenShare', sub, input.clientMutationId, String(tokenId), async (attempt): Promise<Outcome> => {
      if (tokenId === undefined) return invalidTokenId();
      try {
        return { token: await this.kigo.cancelShare(scope, sub, tokenId), userErrors: [] };
      } catch (err) {
        // The earlier attempt may have cancelled it before its answer was lost: no share is what was asked.
        if (attempt?.takeover && rejectionKind<KigoRejectionKind>(err, Provider.KIGO) === 'share-not-pending') {
          return { token: await this.kigo.getToken(scope, sub, tokenId), userErrors: [] };
        }
        return this.rejected(scope, err, sub, tokenId);
      }
    });
    return Object.assign(new CancelTokenSharePayload(), this.payloadOf(scope, sub, outcome, input.clientMutationId));
  }

  async claimToken(scope: OperationScope, sub: string, input: ClaimTokenInput): Promise<ClaimTokenPayload> {
    const code = normalizeClaimCode(input.claimCode);
    const claim = async (attempt?: Attempt): Promise<Outcome> => {
      if (code === '') return { token: null, userErrors: [{ code: UserErrorCode.INVALID_INPUT, message: 'Enter the claim code you were given', field: CLAIM_CODE_FIELD }] };
      return this.claimAttempts.attempt(
        sub,
        async () => {
          if (!isSendableClaimCode(code)) return rejection('claim-code-invalid');
          try {
            const claimed = attempt ? await claimedEarlier(this.kigo, scope, sub, attempt) : undefined;
            if (claimed) return { token: claimed, userErrors: [] };
            // Which token the code is for, noted before claiming: what a takeover looks for in the wallet.
            if (attempt) await attempt.note({ tokenId: (await this.kigo.previewClaim(scope, sub, code)).token_id } satisfies ClaimNote);
            return { token: await this.kigo.claim(scope, sub, code), userErrors: [] };
          } catch (err) {
            return rejection(expectedRejection(err));
          }
        },
        (o) => o.userErrors.some((e) => e.code === UserErrorCode.CLAIM_CODE_INVALID),
      );
    };
    // The code is kept only as a digest, even inside the encrypted record.
    const outcome = await this.once('claimToken', sub, input.clientMutationId, createHash('sha256').update(code).digest('base64url'), claim);
    return Object.assign(new ClaimTokenPayload(), this.payloadOf(scope, sub, outcome, input.clientMutationId));
  }

  /**
   * At most once per (mutation, viewer, clientMutationId); without an id, every call acts. `request`
   * identifies what was asked: the same id with another request is refused, not answered with the
   * first request's result.
   */
  private async once(
    mutation: string,
    sub: string,
    clientMutationId: string | null | undefined,
    request: string,
    action: (attempt?: Attempt) => Promise<Outcome>,
  ): Promise<Outcome> {
    if (clientMutationId === undefined || clientMutationId === null) return action();
    checkIdempotencyKey(clientMutationId, 'clientMutationId');
    const described: IdempotentMutation = { mutation, keyField: 'clientMutationId', requestNoun: mutation, provider: Provider.KIGO };
    const result = await runIdempotent(this.idempotency, { scope: `${mutation}:${sub}`, key: clientMutationId, fingerprint: request }, described, action);
    if (result.ok) return result.value;
    const { code, message, field } = result.userError;
    return { token: null, userErrors: [{ code, message, field: field ?? [] }] };
  }

  /**
   * A Kigo "no" as a userError. Where the token is the viewer's (already shared, not shareable, no
   * share pending) the payload shows it as it is now, if Kigo will say.
   */
  private async rejected(scope: OperationScope, err: unknown, sub: string, tokenId: string): Promise<Outcome> {
    const kind = expectedRejection(err);
    const outcome = rejection(kind);
    if (kind === 'token-not-found') return outcome;
    const current = await this.kigo.getToken(scope, sub, tokenId).catch(() => null);
    return { ...outcome, token: current };
  }

  /** The common payload fields; the token also refreshes this operation's loader. */
  private payloadOf(scope: OperationScope, sub: string, outcome: Outcome, clientMutationId: string | null | undefined) {
    const token = outcome.token ? toToken(outcome.token) : null;
    if (token) kigoTokenLoader(scope, this.kigo, sub).remember(token);
    return {
      token,
      userErrors: outcome.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
      clientMutationId: clientMutationId ?? null,
    };
  }
}

function rejection(kind: ExpectedRejection): Outcome {
  return { token: null, userErrors: [REJECTIONS[kind]] };
}

/** The kind of an expected Kigo "no"; anything else (an outage, a dead session) is rethrown. */
function expectedRejection(err: unknown): ExpectedRejection {
  const kind = rejectionKind<KigoRejectionKind>(err, Provider.KIGO);
  if (kind === undefined || kind === 'unrecognized' || kind === 'session-rejected' || kind === 'share-refused') throw err;
  return kind;
}

function invalidTokenId(): Outcome {
  return {
    token: null,
    userErrors: [{ code: UserErrorCode.INVALID_INPUT, message: '`tokenId` must be a Token id or a Kigo token id', field: TOKEN_ID_FIELD }],
  };
}
