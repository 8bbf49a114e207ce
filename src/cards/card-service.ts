/**
 * The Klip cards domain: partner cards, a viewer's cards, cards by node id and minting. Resolvers
 * check who may ask, then call here; this class turns Klip pages into Relay connections, keeps the
 * per-request card loader (primed by every listing, so listed ids cost nothing in node/nodes) and
 * the cross-request page cache (card-page-cache.ts), and runs mints at most once per clientMutationId.
 */
import DataLoader from 'dataloader';
import type { HolderCardsClient } from '../datasources/klip/holder-cards-client';
import type { KlipRejectionKind } from '../datasources/klip/klip-rejections';
import type { PartnerClient } from '../datasources/klip/partner-client';
import type { WireCard } from '../datasources/klip/partner-wire';
import { rejectionKind } from '../datasources/rejection';
import { Provider, badUserInput } from '../errors';
import { runIdempotent } from '../idempotency';
import type { MintCardInput } from '../schema/card.input';
import type { Card } from '../schema/card.type';
import type { Connection } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';
import { MintCardPayload } from '../schema/mint-card.payload';
import { PartnerMintQuota } from '../schema/partner-mint-quota.type';
import type { OperationScope } from '../scope';
import type { Store } from '../store';
import { IdempotencyOutcomeUnknownError, type Attempt } from '../store/idempotency-store';
import type { CardPageCache } from './card-page-cache';
import { klipSource, type CardPosition, type KlipPage } from './card-connection';
import type { KlipCursorChain } from './klip-cursor-chain';
import { emptySource, sourceConnection, type ListSource, type PagingArgsInput, type SourcePage } from '../paging/list-source';
import { toCard } from './card-mapper';
import { mintBody, mintFingerprint, mintMayHaveHappened, mintRefusal, validateMintInput } from './card-mint';

/** Parallel `GET /wallet/card/:id` calls for one node batch (Klip has no batch call). */
const CARD_FETCH_CONCURRENCY = 8;

export interface CardServiceOptions {
  partner: PartnerClient;
  holders: HolderCardsClient;
  /** The partner's card contract (KLIP_CARD_CONTRACT). */
  contract: string;
  pin: string;
  cursors: CursorCodec;
  store: Store;
  pageCache: CardPageCache<KlipPage<Card>>;
  /** The Klip cursors seen per listing, for backward pages (shared by the instances). */
  chain: KlipCursorChain;
  /** Called after a mint through this instance (tells other instances to drop their page caches). */
  onMinted?: () => void;
}

export class CardService {
  private readonly contract: string;

  constructor(private readonly options: CardServiceOptions) {
    this.contract = options.contract.toLowerCase();
  }

  /** Every card the partner minted, in Klip's order. Admin only (the resolver checks). */
  async partnerCards(scope: OperationScope, args: PagingArgsInput): Promise<Connection<Card>> {
    return this.connection(scope, `PartnerCards:${this.contract}`, this.partnerSource(scope), args);
  }

  /** The cards `sub`'s linked address holds in the partner contract; empty until an address is linked. */
  async viewerCards(scope: OperationScope, sub: string, args: PagingArgsInput): Promise<Connection<Card>> {
    const address = await this.linkedAddress(scope, sub);
    // The address is part of the cursor's kind: a cursor from another holder (or before a re-link) is refused.
    const kind = `ViewerCards:${this.contract}:${address ?? ''}`;
    return this.connection(scope, kind, address ? this.holderSource(scope, address) : emptySource(), args);
  }

  /**
   * The cards `sub`'s linked address holds, as a list (for `viewer.assets`), with the address it is
   * for (part of that connection's cursor kind); an empty list until an address is linked.
   */
  async viewerCardSource(scope: OperationScope, sub: string): Promise<{ address: string | undefined; source: ListSource<Card, CardPosition> }> {
    const address = await this.linkedAddress(scope, sub);
    return { address, source: address ? this.guarded(scope, this.holderSource(scope, address)) : emptySource() };
  }

  private partnerSource(scope: OperationScope): ListSource<Card, CardPosition> {
    return this.listingSource(`partner:${this.contract}`, async (cursor) => {
      // Cached across requests: the page call belongs to whichever operation asked first.
      const page = await this.options.partner.bappPage(scope, cursor);
      return { items: page.bapps.flatMap((bapp) => bapp.cards.map((card) => toCard(card, bapp.contract_address))), nextCursor: page.next_cursor };
    });
  }

  private holderSource(scope: OperationScope, address: string): ListSource<Card, CardPosition> {
    return this.listingSource(`holder:${this.contract}:${address}`, async (cursor) => {
      const page = await this.options.holders.page(scope, this.contract, address, cursor);
      return { items: page.cards.map((card) => toCard(card, this.contract)), nextCursor: page.next_cursor };
    });
  }

  /** A Klip listing read through the page cache, each page read from Klip adding its link to the cursor chain. */
  private listingSource(listing: string, read: (cursor: string) => Promise<KlipPage<Card>>): ListSource<Card, CardPosition> {
    const { pageCache, chain } = this.options;
    return klipSource<Card>({
      fetchPage: (cursor) =>
        pageCache.get(`${listing}:${cursor}`, async () => {
          const page = await read(cursor);
          await chain.link(listing, cursor, page.nextCursor);
          return page;
        }),
      previousCursor: (cursor) => chain.previous(listing, cursor),
      lastPageCursor: () => chain.lastPage(listing),
      idOf: (card) => card.cardId,
    });
  }

  /**
   * node(id)/nodes(ids) for `Card:<contract>:<cardId>` keys, in key order. An admin sees every card of
   * the partner contract; any other viewer only the cards their linked address holds (null otherwise,
   * so that a card's existence is not revealed). Another contract, or an unknown card, is null.
   */
  async nodes(scope: OperationScope, keys: readonly string[]): Promise<Array<Card | null>> {
    const ids = keys.map((key) => {
      const [contract, cardId] = key.split(':');
      return contract === this.contract && cardId !== undefined && /^[1-9]\d{0,29}$/.test(cardId) ? cardId : undefined;
    });
    const admin = scope.viewer?.isAdmin === true;
    const address = !admin && scope.viewer ? await this.linkedAddress(scope, scope.viewer.id) : undefined;
    // A viewer with no linked address may see no card: don't spend upstream calls finding that out.
    if (!admin && !address) return keys.map(() => null);
    const loader = this.cardLoader(scope);
    const cards = await Promise.all(ids.map((id) => (id === undefined ? null : loader.load(id))));
    return admin ? cards : cards.map((card) => (card && card.owner?.toLowerCase() === address ? card : null));
  }

  /** Mints one card per address through the partner API. Admin only (the resolver checks). */
  async mint(scope: OperationScope, viewerId: string, input: MintCardInput): Promise<MintCardPayload> {
    const problems = validateMintInput(input);
    if (problems.length > 0) return MintCardPayload.of([], problems, input.clientMutationId);
    const body = mintBody(input, this.contract, this.options.pin);
    const act = async (attempt?: Attempt): Promise<WireCard[]> => {
      // Klip has no idempotency key and nothing to look a mint up by: after an instance died mid-mint,
      // the cards may exist, so the key's outcome stays unknown rather than minting again.
      if (attempt?.takeover === 'abandoned') throw new IdempotencyOutcomeUnknownError();
      const minted = await this.options.partner.mint(scope, body);
      // New cards land on the listings' last pages and on their holders' lists: forget cached pages.
      this.options.pageCache.clear();
      this.options.onMinted?.();
      return minted;
    };
    let minted: WireCard[];
    try {
      if (!input.clientMutationId) minted = await act();
      else {
        const result = await runIdempotent(
          this.options.store.idempotency,
          { scope: `mintCard:${viewerId}`, key: input.clientMutationId, fingerprint: mintFingerprint(body) },
          {
            mutation: 'mintCard',
            keyField: 'clientMutationId',
            requestNoun: 'mint',
            provider: Provider.KLIP,
            // Klip has no idempotency key: without an answer (a timeout, a dropped connection) the cards may
            // exist, so a repeat must not mint again. An answer — a 4xx, or a 5xx taken at its word — did not mint.
            unknownOutcome: { effect: 'minted', lookAt: 'partnerCards', when: mintMayHaveHappened },
          },
          act,
        );
        if (!result.ok) return MintCardPayload.of([], [result.userError], input.clientMutationId);
        minted = result.value;
      }
    } catch (err) {
      const refusal = mintRefusal(err);
      if (refusal) return MintCardPayload.of([], refusal, input.clientMutationId);
      throw err;
    }
    const cards = minted.map((card) => toCard(card, this.contract));
    this.prime(scope, cards);
    return MintCardPayload.of(cards, [], input.clientMutationId);
  }

  /** The partner's mint quota, as Klip reports it now. Admin only (the resolver checks). */
  async mintQuota(): Promise<PartnerMintQuota> {
    const { limit, minted, reportedAt } = await this.options.partner.mintQuota();
    const remaining = limit !== null && minted !== null ? Math.max(0, limit - minted) : null;
    return Object.assign(new PartnerMintQuota(), { limit, minted, remaining, reportedAt: new Date(reportedAt) });
  }

  /** Drops every cached page (a mint elsewhere, or tests). */
  clearPageCache(): void {
    this.options.pageCache.clear();
  }

  private connection(scope: OperationScope, kind: string, source: ListSource<Card, CardPosition>, args: PagingArgsInput): Promise<Connection<Card>> {
    return sourceConnection(this.options.cursors, kind, this.guarded(scope, source), args);
  }

  /** Listed cards prime the card loader; a Klip cursor Klip no longer accepts is the client's to restart. */
  private guarded(scope: OperationScope, source: ListSource<Card, CardPosition>): ListSource<Card, CardPosition> {
    const settle = async (argName: string, read: Promise<SourcePage<Card, CardPosition>>) => {
      try {
        const page = await read;
        this.prime(scope, page.items.map((item) => item.node));
        return page;
      } catch (err) {
        if (rejectionKind<KlipRejectionKind>(err, Provider.KLIP) === 'cursor-rejected') {
          throw badUserInput(`\`${argName}\` points into a Klip page that Klip no longer accepts; start again without \`${argName}\``, [argName]);
        }
        throw err;
      }
    };
    return {
      forward: (after, count) => settle('after', source.forward(after, count)),
      backward: (before, count) => settle('before', source.backward(before, count)),
      readPosition: (value) => source.readPosition(value),
    };
  }

  /** This request's card loader: one `GET /wallet/card/:id` per distinct id not already listed. */
  private cardLoader(scope: OperationScope): DataLoader<string, Card | null> {
    return scope.loader('klip:card', () => new DataLoader<string, Card | null>((ids) => this.fetchCards(scope, ids)));
  }

  private prime(scope: OperationScope, cards: readonly Card[]): void {
    const loader = this.cardLoader(scope);
    for (const card of cards) if (card.contractAddress === this.contract) loader.prime(card.cardId, card);
  }

  /** One answer (or Error) per id, in id order; at most CARD_FETCH_CONCURRENCY calls at a time. */
  private async fetchCards(scope: OperationScope, ids: readonly string[]): Promise<Array<Card | null | Error>> {
    const results: Array<Card | null | Error> = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        try {
          const wire = await this.options.partner.card(scope, ids[i]!);
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
  private linkedAddress(scope: OperationScope, sub: string): Promise<string | undefined> {
    const loader = scope.loader(
      'klip:linkedAddress',
      () => new DataLoader<string, string | null>((subs) => Promise.all(subs.map(async (s) => (await this.options.store.links.addressOf(s))?.toLowerCase() ?? null))),
    );
    return loader.load(sub).then((address) => address ?? undefined);
  }
}
