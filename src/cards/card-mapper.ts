/** Klip's wire card → the API's Card: the one place Klip's card field names meet the schema's. */
import type { WireCard } from '../datasources/klip/partner-wire';
import { Card, CardAttribute } from '../schema/card.type';

/** A Klip wire card as the API's Card; `contract` is the card contract it belongs to. */
export function toCard(wire: WireCard, contract: string): Card {
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

function epochSeconds(value: number | null | undefined): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}
