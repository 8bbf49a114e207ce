/**
 * The Klip cards domain: partner cards, a viewer's cards, cards by node id and minting. Resolvers
 * check who may ask, then call here; this class turns Klip pages into Relay connections, keeps the
 * per-request card loader (primed by every listing, so listed ids cost nothing in node/nodes) and
 * the cross-request page cache (card-page-cache.ts), and runs mints at most once per clientMutationId.
 */
import DataLoader from 'dataloader';
import type { Context } from '../context';
import { ErrorCode, Provider, UpstreamError, badUserInput, rateLimited } from '../errors';
import type { MintCardInput } from '../schema/card.input';
import { Card, CardAttribute } from '../schema/card.type';
import type { Connection } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';
import { MintCardPayload } from '../schema/mint-card.payload';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import { IdempotencyInProgressError, IdempotencyKeyReusedError, IdempotencyOutcomeUnknownError, type Store } from '../store';
import { CardPageCache } from './card-page-cache';
import { emptyConnection, klipConnection, readConnectionArgs, type CardPosition, type ConnectionArgs, type KlipPage } from './card-connection';
import { mintBody, mintFingerprint, mintRefusal, validateMintInput } from './card-mint';
import type { HolderCardsClient } from '../datasources/klip/holder-cards-client';
import { KlipCursorRejected, type PartnerClient } from '../datasources/klip/partner-client';
import { klipRejection, type WireCard } from '../datasources/klip/partner-wire';

/** Parallel `GET /wallet/card/:id` calls for one node batch (Klip has no batch call). */
const CARD_FETCH_CONCURRENCY = 8;

export interface KlipCardsOptions {
  partner: PartnerClient;
  holders: HolderCardsClient;
  /** The partner's card contract (KLIP_CARD_CONTRACT). */
  contract: string;
  pin: string;
  cursors: CursorCodec;
  store: Store;
  pageCache: CardPageCache<KlipPage<Card>>;
  /** Called after a mint through this instance (tells other instances to drop their page caches). */
  onMinted?: () => void;
}

export class KlipCards {
  private readonly contract: string;

  constructor(private readonly options: KlipCardsOptions) {
    this.contract = options.contract.toLowerCase();
  }

  /** Every card the partner minted, in Klip's order. Admin only (the resolver checks). */
  async partnerCards(ctx: Context, args: ConnectionArgs): Promise<Connection<Card>> {
    const kind = `PartnerCards:${this.contract}`;
    const { first, after } = readConnectionArgs(this.options.cursors, kind, args);
    return this.connection(ctx, kind, first, after, (cursor) =>
      this.options.pageCache.get(`partner:${this.contract}:${cursor}`, async () => {
        const page = await this.options.partner.bappPage(cursor);
        return { items: page.bapps.flatMap((bapp) => bapp.cards.map((card) => toCard(card, bapp.contract_address))), nextCursor: page.next_cursor };
      }),
    );
  }

  /** The cards `sub`'s linked address holds in the partner contract; empty until an address is linked. */
  async viewerCards(ctx: Context, sub: string, args: ConnectionArgs): Promise<Connection<Card>> {
    const address = await this.linkedAddress(ctx, sub);
    // The address is part of the cursor's kind: a cursor from another holder (or before a re-link) is refused.
    const kind = `ViewerCards:${this.contract}:${address ?? ''}`;
    const { first, after } = readConnectionArgs(this.options.cursors, kind, args);
    if (!address) return emptyConnection();
    return this.connection(ctx, kind, first, after, (cursor) =>
      this.options.pageCache.get(`holder:${this.contract}:${address}:${cursor}`, async () => {
        const page = await this.options.holders.page(this.contract, address, cursor);
        return { items: page.cards.map((card) => toCard(card, this.contract)), nextCursor: page.next_cursor };
      }),
    );
  }

  /**
   * node(id)/nodes(ids) for `Card:<contract>:<cardId>` keys, in key order. An admin sees every card of
   * the partner contract; any other viewer only the cards their linked address holds (null otherwise,
   * so that a card's existence is not revealed). Another contract, or an unknown card, is null.
   */
  async nodes(ctx: Context, keys: readonly string[]): Promise<Array<Card | null>> {
    const ids = keys.map((key) => {
      const [contract, cardId] = key.split(':');
      return contract === this.contract && cardId !== undefined && /^[1-9]\d{0,29}$/.test(cardId) ? cardId : undefined;
    });
    const admin = ctx.viewer?.isAdmin === true;
    const address = !admin && ctx.viewer ? await this.linkedAddress(ctx, ctx.viewer.id) : undefined;
    // A viewer with no linked address may see no card: don't spend upstream calls finding that out.
    if (!admin && !address) return keys.map(() => null);
    const loader = this.cardLoader(ctx);
    const cards = await Promise.all(ids.map((id) => (id === undefined ? null : loader.load(id))));
    return admin ? cards : cards.map((card) => (card && card.owner?.toLowerCase() === address ? card : null));
  }

  /** Mints one card per address through the partner API. Admin only (the resolver checks). */
  async mint(ctx: Context, viewerId: string, input: MintCardInput): Promise<MintCardPayload> {
    const problems = validateMintInput(input);
    if (problems.length > 0) return MintCardPayload.of([], problems, input.clientMutationId);
    const body = mintBody(input, this.contract, this.options.pin);
    const fingerprint = mintFingerprint(body);
    const act = async (): Promise<WireCard[]> => {
      const minted = await this.options.partner.mint(body);
      // New cards land on the listings' last pages and on their holders' lists: forget cached pages.
      this.options.pageCache.clear();
      this.options.onMinted?.();
      return minted;
    };
    let minted: WireCard[];
    try {
      minted = input.clientMutationId
        ? await this.options.store.idempotency.run(`mintCard:${viewerId}`, input.clientMutationId, act, fingerprint, {
            // Klip has no idempotency key: after a timeout the cards may exist, so a repeat must not mint again.
            outcomeUnknown: (err) => err instanceof UpstreamError && err.code === ErrorCode.UPSTREAM_TIMEOUT,
          })
        : await act();
    } catch (err) {
      if (err instanceof IdempotencyInProgressError) throw rateLimited('A mint with this clientMutationId is still in progress; retry shortly', 1);
      if (err instanceof IdempotencyOutcomeUnknownError) {
        throw new UpstreamError(
          Provider.KLIP,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          'An earlier mint with this clientMutationId timed out and may have minted; check partnerCards before minting again with a new clientMutationId',
        );
      }
      if (err instanceof IdempotencyKeyReusedError) {
        const message = 'This clientMutationId was already used for a different mint; use a new one';
        return MintCardPayload.of([], [UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', 'clientMutationId'])], input.clientMutationId);
      }
      const rejection = klipRejection(err);
      if (rejection?.status === 400) return MintCardPayload.of([], mintRefusal(rejection), input.clientMutationId);
      throw err;
    }
    const cards = minted.map((card) => toCard(card, this.contract));
    this.prime(ctx, cards);
    return MintCardPayload.of(cards, [], input.clientMutationId);
  }

  /** Drops every cached page (a mint elsewhere, or tests). */
  clearPageCache(): void {
    this.options.pageCache.clear();
  }

  private async connection(
    ctx: Context,
    kind: string,
    first: number,
    after: CardPosition | undefined,
    fetchPage: (cursor: string) => Promise<KlipPage<Card>>,
  ): Promise<Connection<Card>> {
    try {
      const connection = await klipConnection({ codec: this.options.cursors, kind, first, after, fetchPage, idOf: (card) => card.cardId });
      this.prime(ctx, connection.nodes);
      return connection;
    } catch (err) {
      if (err instanceof KlipCursorRejected) {
        throw badUserInput('`after` points into a Klip page that Klip no longer accepts; start again without `after`', ['after']);
      }
      throw err;
    }
  }

  /** This request's card loader: one `GET /wallet/card/:id` per distinct id not already listed. */
  private cardLoader(ctx: Context): DataLoader<string, Card | null> {
    return ctx.loader('klip:card', () => new DataLoader<string, Card | null>((ids) => this.fetchCards(ids)));
  }

  private prime(ctx: Context, cards: readonly Card[]): void {
    const loader = this.cardLoader(ctx);
    for (const card of cards) if (card.contractAddress === this.contract) loader.prime(card.cardId, card);
  }

  /** One answer (or Error) per id, in id order; at most CARD_FETCH_CONCURRENCY calls at a time. */
  private async fetchCards(ids: readonly string[]): Promise<Array<Card | null | Error>> {
    const results: Array<Card | null | Error> = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        try {
          const wire = await this.options.partner.card(ids[i]!);
          results[i] = wire ? toCard(wire, this.contract) : null;
        } catch (err) {
          results[i] = err instanceof Error ? err : new Error(String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CARD_FETCH_CONCURRENCY, ids.length) }, worker));
    return results;
  }

  /** The viewer's linked Klaytn address (lowercase), read once per request. */
  private linkedAddress(ctx: Context, sub: string): Promise<string | undefined> {
    const loader = ctx.loader(
      'klip:linkedAddress',
      () => new DataLoader<string, string | null>((subs) => Promise.all(subs.map(async (s) => (await this.options.store.links.addressOf(s))?.toLowerCase() ?? null))),
    );
    return loader.load(sub).then((address) => address ?? undefined);
  }
}

/** A Klip wire card as the API's Card. */
function toCard(wire: WireCard, contract: string): Card {
  return Card.of({
    cardId: wire.card_id,
    name: wire.name || `Card #${wire.card_id}`,
    description: wire.description || null,
    imageUrl: wire.image || null,
    contractAddress: contract.toLowerCase(),
    owner: wire.owner ?? null,
    sender: wire.sender ?? null,
    transactionHash: wire.transaction_hash ?? null,
    attributes: (wire.attributes ?? []).map((a) => Object.assign(new CardAttribute(), { traitType: a.trait_type, value: String(a.value) })),
    createdAt: epochSeconds(wire.created_at),
    updatedAt: epochSeconds(wire.updated_at),
  });
}

function epochSeconds(value: number | undefined): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}
