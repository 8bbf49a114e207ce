import type { TokenRecord, TokenStatus, TokenType, TokenValue } from './token';

/**
 * The wallets every start and every reset begin with. Fixed ids and dates, no randomness, so tests and
 * demos can name tokens. `alice` holds 26 tokens (more than one default page of 20); `bob` and
 * `carol` hold a few each. Exactly one token is redeemed (`tok_alice_05`, shareable by flag).
 */

interface Template {
  name: string;
  description: string;
  type: TokenType;
  value: TokenValue | null;
  expiresAt: string | null;
  isShareable: boolean;
  isRevealable: boolean;
  status?: TokenStatus;
}

const usd = (amount: string): TokenValue => ({ amount, currency: 'USD' });
const eur = (amount: string): TokenValue => ({ amount, currency: 'EUR' });

/** Alice's wallet cycles through these, in this order: tok_alice_01 is a coffee card, _02 an offer, … */
const ALICE_CYCLE: Template[] = [
  {
    name: 'Blue Bottle Coffee Gift Card',
    description: 'A $25 gift card for any Blue Bottle Coffee cafe.',
    type: 'gift_card',
    value: usd('25.00'),
    expiresAt: '2031-12-31T23:59:59.000Z',
    isShareable: true,
    isRevealable: true,
  },
  {
    name: '20% off at Trailhead Outfitters',
    description: 'Twenty percent off one full-price item, in store or online.',
    type: 'offer',
    value: null,
    expiresAt: '2030-06-30T23:59:59.000Z',
    isShareable: false,
    isRevealable: false,
  },
  {
    name: 'Movie Night Bundle',
    description: 'Two cinema tickets and a large popcorn.',
    type: 'bundle',
    value: usd('40.00'),
    expiresAt: null,
    isShareable: true,
    isRevealable: false,
  },
  {
    name: 'Kigo Enamel Mug',
    description: 'A white enamel mug, shipped to your address.',
    type: 'merchandise',
    value: null,
    expiresAt: null,
    isShareable: false,
    isRevealable: false,
  },
  {
    name: 'Corner Bookshop Gift Card',
    description: 'A 10 euro gift card for Corner Bookshop.',
    type: 'gift_card',
    value: eur('10.00'),
    expiresAt: '2032-03-31T23:59:59.000Z',
    isShareable: true,
    isRevealable: true,
  },
  {
    name: 'Free Dessert at Luna Bistro',
    description: 'One free dessert with any main course.',
    type: 'offer',
    value: null,
    expiresAt: '2030-12-31T23:59:59.000Z',
    isShareable: true,
    isRevealable: false,
  },
];

const ALICE_TOKEN_COUNT = 26;

const ALICE: Template[] = Array.from({ length: ALICE_TOKEN_COUNT }, (_, i) => {
  const template = ALICE_CYCLE[i % ALICE_CYCLE.length]!;
  // The one redeemed token: its flag says shareable, so it shows that status wins over the flag.
  return i === 4 ? { ...template, status: 'redeemed' as const } : template;
});

const BOB: Template[] = [
  {
    name: 'Harbor Grocery Gift Card',
    description: 'A $50 gift card for Harbor Grocery.',
    type: 'gift_card',
    value: usd('50.00'),
    expiresAt: '2031-06-30T23:59:59.000Z',
    isShareable: true,
    isRevealable: true,
  },
  ALICE_CYCLE[1]!,
  ALICE_CYCLE[2]!,
  ALICE_CYCLE[3]!,
];

const CAROL: Template[] = [
  ALICE_CYCLE[5]!,
  {
    name: 'Skyline Airlines Travel Credit',
    description: 'A $100 travel credit, not transferable.',
    type: 'gift_card',
    value: usd('100.00'),
    expiresAt: '2030-09-30T23:59:59.000Z',
    isShareable: false,
    isRevealable: true,
  },
  {
    name: 'Kigo Canvas Tote',
    description: 'A canvas tote bag, shipped to your address.',
    type: 'merchandise',
    value: null,
    expiresAt: null,
    isShareable: true,
    isRevealable: false,
  },
];

export const SEED_WALLETS: Record<string, Template[]> = { alice: ALICE, bob: BOB, carol: CAROL };

/** Fresh records for every seeded wallet, in wallet order; ids are `tok_<user>_<nn>` from 01. */
export function seedTokens(): TokenRecord[] {
  return Object.entries(SEED_WALLETS).flatMap(([owner, templates]) =>
    templates.map((t, i) => ({
      id: `tok_${owner}_${String(i + 1).padStart(2, '0')}`,
      owner,
      name: t.name,
      description: t.description,
      type: t.type,
      value: t.value ? { ...t.value } : null,
      expiresAt: t.expiresAt === null ? null : Date.parse(t.expiresAt),
      status: t.status ?? 'active',
      isShareable: t.isShareable,
      isRevealable: t.isRevealable,
      share: null,
    })),
  );
}
