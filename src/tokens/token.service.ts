/**
 * Kigo tokens for the API: the viewer's wallet as a Relay connection, node loading, claim preview,
 * and the share / cancel / claim mutations with their userErrors, clientMutationId replay and the
 * failed-claim limit. Resolvers call this after checking who is asking; Kigo itself is behind
 * KigoWallet. Claim codes pass through here but are never logged or put in a message.
 */
import { createHash } from 'node:crypto';
import type { Context } from '../context';
import { ErrorCode, Provider, UpstreamError, badUserInput, rateLimited } from '../errors';
import { KigoRejection } from '../datasources/kigo/kigo-client';
import type { KigoWallet } from '../datasources/kigo/kigo-wallet';
import { kigoTokenLoader } from '../datasources/kigo/token-loader';
import { kigoStatusOf, toToken } from '../datasources/kigo/token-mapper';
import type { KigoRejectionCode, KigoToken } from '../datasources/kigo/wire';
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyOutcomeUnknownError,
  type IdempotencyStore,
  type RunOptions,
} from '../store/idempotency-store';
import { offsetConnection, offsetWindow } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';
import type { CancelTokenShareInput, ClaimTokenInput, ShareTokenInput } from '../schema/token.inputs';
import { CancelTokenSharePayload, ClaimTokenPayload, ShareTokenPayload } from '../schema/token.payloads';
import { Token, TokenConnection, type TokenStatus } from '../schema/token.type';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import type { ClaimAttempts } from './claim-attempts';
import { isKigoTokenId, isPlausibleClaimCode, kigoTokenIdOf, normalizeClaimCode } from './token-input';

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

const MAX_CLIENT_MUTATION_ID = 200;
const TOKEN_ID_FIELD = ['input', 'tokenId'];
const CLAIM_CODE_FIELD = ['input', 'claimCode'];
const CLIENT_MUTATION_ID_FIELD = ['input', 'clientMutationId'];

/** One message per Kigo rejection: the same words for a missing token and someone else's. */
const REJECTIONS: Record<KigoRejectionCode, { code: UserErrorCode; message: string; field: string[] }> = {
  token_not_found: { code: UserErrorCode.NOT_FOUND, message: 'There is no token with this id in your wallet', field: TOKEN_ID_FIELD },
  token_not_shareable: { code: UserErrorCode.TOKEN_NOT_SHAREABLE, message: 'This token cannot be shared', field: TOKEN_ID_FIELD },
  token_already_shared: {
    code: UserErrorCode.TOKEN_ALREADY_SHARED,
    message: 'This token already has a pending share; cancel it before sharing again',
    field: TOKEN_ID_FIELD,
  },
  share_not_pending: { code: UserErrorCode.SHARE_NOT_PENDING, message: 'This token has no pending share to cancel', field: TOKEN_ID_FIELD },
  claim_code_invalid: {
    code: UserErrorCode.CLAIM_CODE_INVALID,
    message: 'This claim code is not valid: it is unknown, cancelled, expired or already claimed',
    field: CLAIM_CODE_FIELD,
  },
  cannot_claim_own_token: {
    code: UserErrorCode.CANNOT_CLAIM_OWN_TOKEN,
    message: 'You shared this token yourself; cancel the share instead of claiming it',
    field: CLAIM_CODE_FIELD,
  },
};

export class TokenService {
  constructor(
    private readonly wallet: KigoWallet,
    private readonly idempotency: IdempotencyStore,
    private readonly cursors: CursorCodec,
    private readonly claimAttempts: ClaimAttempts,
  ) {}

  /** `viewer.tokens`: one Kigo page per call; cursors are positions, signed per status filter. */
  async tokens(ctx: Context, sub: string, args: { first?: number | null; after?: string | null; status?: TokenStatus | null }): Promise<TokenConnection> {
    const kind = `Token:${args.status ?? 'ALL'}`;
    const { offset, limit } = offsetWindow(this.cursors, kind, args);
    const loader = kigoTokenLoader(ctx, this.wallet, sub);
    const page = await loader.trackPage(this.wallet.list(sub, { offset, limit, status: args.status ? kigoStatusOf(args.status) : undefined }));
    const tokens = page.data.map(toToken);
    for (const token of tokens) loader.remember(token);
    return Object.assign(new TokenConnection(), offsetConnection(this.cursors, kind, tokens, offset, page.total));
  }

  /** For node(id)/nodes(ids): the viewer's tokens, null for anyone else's or a malformed id. */
  async loadNodes(ctx: Context, sub: string, keys: readonly string[]): Promise<Array<Token | null>> {
    const loader = kigoTokenLoader(ctx, this.wallet, sub);
    return Promise.all(keys.map((key) => (isKigoTokenId(key) ? loader.load(key) : null)));
  }

  /** What a code would give; null for a code Kigo does not know, which counts as a failed attempt. */
  async claimPreview(sub: string, rawCode: string): Promise<Token | null> {
    const code = normalizeClaimCode(rawCode);
    if (code === '') throw badUserInput('`claimCode` must not be empty', ['claimCode']);
    return this.claimAttempts.attempt(
      sub,
      async () => {
        if (!isPlausibleClaimCode(code)) return null;
        try {
          return toToken(await this.wallet.previewClaim(sub, code));
        } catch (err) {
          if (err instanceof KigoRejection && err.code === 'claim_code_invalid') return null;
          throw err;
        }
      },
      (token) => token === null,
    );
  }

  async shareToken(ctx: Context, sub: string, input: ShareTokenInput): Promise<ShareTokenPayload> {
    const tokenId = kigoTokenIdOf(input.tokenId);
    const outcome = await this.once('shareToken', sub, input.clientMutationId, String(tokenId), async (): Promise<Outcome> => {
      if (tokenId === undefined) return invalidTokenId();
      try {
        const share = await this.wallet.share(sub, tokenId);
        return { token: share.token, userErrors: [], claimCode: share.claim_code, claimExpiresAt: share.expires_at ?? share.token.share?.expires_at ?? null };
      } catch (err) {
        return this.rejected(err, sub, tokenId);
      }
    });
    return Object.assign(new ShareTokenPayload(), {
      ...this.payloadOf(ctx, sub, outcome, input.clientMutationId),
      claimCode: outcome.claimCode ?? null,
      claimExpiresAt: outcome.claimExpiresAt ? new Date(outcome.claimExpiresAt) : null,
    });
  }

  async cancelTokenShare(ctx: Context, sub: string, input: CancelTokenShareInput): Promise<CancelTokenSharePayload> {
    const tokenId = kigoTokenIdOf(input.tokenId);
    const outcome = await this.once('cancelTokenShare', sub, input.clientMutationId, String(tokenId), async (): Promise<Outcome> => {
      if (tokenId === undefined) return invalidTokenId();
      try {
        return { token: await this.wallet.cancelShare(sub, tokenId), userErrors: [] };
      } catch (err) {
        return this.rejected(err, sub, tokenId);
      }
    });
    return Object.assign(new CancelTokenSharePayload(), this.payloadOf(ctx, sub, outcome, input.clientMutationId));
  }

  async claimToken(ctx: Context, sub: string, input: ClaimTokenInput): Promise<ClaimTokenPayload> {
    const code = normalizeClaimCode(input.claimCode);
    const claim = async (): Promise<Outcome> => {
      if (code === '') return { token: null, userErrors: [{ code: UserErrorCode.INVALID_INPUT, message: 'Enter the claim code you were given', field: CLAIM_CODE_FIELD }] };
      return this.claimAttempts.attempt(
        sub,
        async () => {
          if (!isPlausibleClaimCode(code)) return rejection('claim_code_invalid');
          try {
            return { token: await this.wallet.claim(sub, code), userErrors: [] };
          } catch (err) {
            if (err instanceof KigoRejection) return rejection(err.code);
            throw err;
          }
        },
        (o) => o.userErrors.some((e) => e.code === UserErrorCode.CLAIM_CODE_INVALID),
      );
    };
    // The code is kept only as a digest, even inside the encrypted record. A claim that timed out may
    // have moved the token, so a repeat is told so instead of hearing that the (now used) code is invalid.
    const outcome = await this.once('claimToken', sub, input.clientMutationId, createHash('sha256').update(code).digest('base64url'), claim, {
      outcomeUnknown: (err) => err instanceof UpstreamError && err.code === ErrorCode.UPSTREAM_TIMEOUT,
    });
    return Object.assign(new ClaimTokenPayload(), this.payloadOf(ctx, sub, outcome, input.clientMutationId));
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
    action: () => Promise<Outcome>,
    options: RunOptions = {},
  ): Promise<Outcome> {
    if (clientMutationId === undefined || clientMutationId === null) return action();
    if (clientMutationId.length === 0 || clientMutationId.length > MAX_CLIENT_MUTATION_ID) {
      throw badUserInput(`\`clientMutationId\` must be 1 to ${MAX_CLIENT_MUTATION_ID} characters`, CLIENT_MUTATION_ID_FIELD);
    }
    try {
      return await this.idempotency.run(`${mutation}:${sub}`, clientMutationId, action, request, options);
    } catch (err) {
      if (err instanceof IdempotencyInProgressError) throw rateLimited(`A ${mutation} with this clientMutationId is still in progress; retry shortly`, 1);
      if (err instanceof IdempotencyOutcomeUnknownError) {
        throw new UpstreamError(
          Provider.KIGO,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          `An earlier ${mutation} with this clientMutationId timed out and may have succeeded; check viewer.tokens before trying again with a new clientMutationId`,
        );
      }
      if (!(err instanceof IdempotencyKeyReusedError)) throw err;
      const message = `This clientMutationId was already used for another ${mutation}; use a new one`;
      return { token: null, userErrors: [{ code: UserErrorCode.INVALID_INPUT, message, field: CLIENT_MUTATION_ID_FIELD }] };
    }
  }

  /**
   * A Kigo "no" as a userError. Where the token is the viewer's (already shared, not shareable, no
   * share pending) the payload shows it as it is now, if Kigo will say.
   */
  private async rejected(err: unknown, sub: string, tokenId: string): Promise<Outcome> {
    if (!(err instanceof KigoRejection)) throw err;
    const outcome = rejection(err.code);
    if (err.code === 'token_not_found') return outcome;
    const current = await this.wallet.get(sub, tokenId).catch(() => null);
    return { ...outcome, token: current };
  }

  /** The common payload fields; the token also refreshes this operation's loader. */
  private payloadOf(ctx: Context, sub: string, outcome: Outcome, clientMutationId: string | null | undefined) {
    const token = outcome.token ? toToken(outcome.token) : null;
    if (token) kigoTokenLoader(ctx, this.wallet, sub).remember(token);
    return {
      token,
      userErrors: outcome.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
      clientMutationId: clientMutationId ?? null,
    };
  }
}

function rejection(code: KigoRejectionCode): Outcome {
  return { token: null, userErrors: [REJECTIONS[code]] };
}

function invalidTokenId(): Outcome {
  return {
    token: null,
    userErrors: [{ code: UserErrorCode.INVALID_INPUT, message: '`tokenId` must be a Token id or a Kigo token id', field: TOKEN_ID_FIELD }],
  };
}
