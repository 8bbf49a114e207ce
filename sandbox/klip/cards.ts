/**
 * The card store: every card of the partner contract, in card id order (ids are contiguous from 1, so
 * card n sits at index n - 1). The wire card [doc fields from the App2App card list] is
 * `{card_id (decimal string), card_uri, owner, sender, transaction_hash, created_at, updated_at (epoch
 * seconds)}`, plus `name, description, image, attributes` from the mint [model].
 */
import type { SandboxClock } from '../clock';
import { hexDigest, PARTNER_PROFILE, seedCards, type CardMetadata } from './seed';

export interface StoredCard extends CardMetadata {
  id: number;
  contract: string;
  owner: string;
  sender: string;
  txHash: string;
  createdAt: number;
  updatedAt: number;
}

export interface WireCard {
  card_id: string;
  card_uri: string;
  owner: string;
  sender: string;
  transaction_hash: string;
  created_at: number;
  updated_at: number;
  name: string;
  description: string;
  image: string;
  attributes: Array<{ trait_type: string; value: string | number }>;
}

export class CardStore {
  private cards: StoredCard[] = [];

  constructor(
    private readonly clock: SandboxClock,
    /** Lowercase: addresses are compared and answered in lowercase. */
    readonly contract: string,
  ) {
    this.reset();
  }

  reset(): void {
    this.cards = seedCards().map((c) => ({
      ...c,
      contract: this.contract,
      sender: PARTNER_PROFILE.klaytnAddress,
      updatedAt: c.createdAt,
    }));
  }

  get size(): number {
    return this.cards.length;
  }

  all(): readonly StoredCard[] {
    return this.cards;
  }

  byId(id: number): StoredCard | undefined {
    return this.cards[id - 1];
  }

  /** Cards of `contract` owned by `owner`, lazily, in card id order. */
  *ownedBy(contract: string, owner: string): Generator<StoredCard> {
    if (contract.toLowerCase() !== this.contract) return;
    const wanted = owner.toLowerCase();
    for (const card of this.cards) if (card.owner === wanted) yield card;
  }

  /** Appends one card per address, in order, all stamped now; one mint transaction per card. */
  mint(toAddresses: readonly string[], metadata: CardMetadata): StoredCard[] {
    const now = this.clock.nowSeconds();
    const minted = toAddresses.map((to) => {
      const id = this.cards.length + 1;
      const card: StoredCard = {
        ...metadata,
        attributes: metadata.attributes.map((a) => ({ ...a })),
        id,
        contract: this.contract,
        owner: to.toLowerCase(),
        sender: PARTNER_PROFILE.klaytnAddress,
        txHash: hexDigest(`klip-sandbox-mint:${this.contract}:${id}:${now}`),
        createdAt: now,
        updatedAt: now,
      };
      this.cards.push(card);
      return card;
    });
    return minted;
  }

  /** Moves a card to `to` (an approved App2App send_card); false when the contract has no such card. */
  transfer(contract: string, id: number, to: string, txHash: string): boolean {
    const card = contract.toLowerCase() === this.contract ? this.byId(id) : undefined;
    if (!card) return false;
    card.sender = card.owner;
    card.owner = to.toLowerCase();
    card.txHash = txHash;
    card.updatedAt = this.clock.nowSeconds();
    return true;
  }
}

export function toWireCard(card: StoredCard): WireCard {
  return {
    card_id: String(card.id),
    card_uri: `https://sandbox.klip.invalid/cards/${card.contract}/${card.id}`,
    owner: card.owner,
    sender: card.sender,
    transaction_hash: card.txHash,
    created_at: card.createdAt,
    updated_at: card.updatedAt,
    name: card.name,
    description: card.description,
    image: card.image,
    attributes: card.attributes.map((a) => ({ ...a })),
  };
}
