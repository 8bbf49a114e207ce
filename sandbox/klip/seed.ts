/**
 * The Klip seed, identical on every start and reset [model]: one partner whose card contract
 * (`credentials.klip.cardContract`) holds cards 1..250, minted by the partner's own address and owned
 * round-robin by three holders (card n → SEED_HOLDERS[(n - 1) % 3]: alice 84 cards, bob 83, carol 83).
 * Seed times are fixed (an hour apart from 2024-01-01T01:00Z), seed hashes derive from the card id:
 * nothing random, nothing read from the clock.
 */
import { createHash } from 'node:crypto';

/** `0x` + `prefix` + zero padding + `n`: readable fixed addresses that are still 40 hex digits. */
function fixedAddress(prefix: string, n: number): string {
  return `0x${prefix}${String(n).padStart(40 - prefix.length, '0')}`;
}

export const SEED_HOLDERS = {
  alice: fixedAddress('a11ce', 1),
  bob: fixedAddress('b0b', 2),
  carol: fixedAddress('ca201', 3),
} as const;

const HOLDER_ORDER = [SEED_HOLDERS.alice, SEED_HOLDERS.bob, SEED_HOLDERS.carol];

export const SEED_CARD_COUNT = 250;

/** 2024-01-01T00:00:00Z; seed card n was minted n hours later. */
const SEED_EPOCH_SECONDS = 1_704_067_200;

/** The partner account behind `credentials.klip` (its contract address comes from the credentials). */
export const PARTNER_PROFILE = {
  klaytnAddress: fixedAddress('feed', 1),
  name: 'RewardGraph Sandbox',
  serviceName: 'RewardGraph Cards',
  status: 'active',
  mintLimit: 100_000,
  symbolImage: 'https://sandbox.klip.invalid/contracts/rewardgraph-cards/symbol.png',
} as const;

/**
 * The wallet a person "uses" in the Klip app when a control approve names none and the request has
 * no `from`: alice, so that an auth flow followed by a card listing finds her seeded cards.
 */
export const DEFAULT_WALLET_ADDRESS = SEED_HOLDERS.alice;

export const ACCESS_TOKEN_TTL_SECONDS = 24 * 60 * 60;
export const REQUEST_KEY_TTL_SECONDS = 300;

export interface CardMetadata {
  name: string;
  description: string;
  image: string;
  attributes: Array<{ trait_type: string; value: string | number }>;
}

export interface SeedCard extends CardMetadata {
  id: number;
  owner: string;
  createdAt: number;
  txHash: string;
}

const TIERS = ['bronze', 'silver', 'gold'] as const;

export function seedCards(): SeedCard[] {
  return Array.from({ length: SEED_CARD_COUNT }, (_, i) => {
    const id = i + 1;
    return {
      id,
      owner: HOLDER_ORDER[i % HOLDER_ORDER.length]!,
      createdAt: SEED_EPOCH_SECONDS + id * 3600,
      txHash: hexDigest(`klip-sandbox-seed-mint:${id}`),
      name: `Sandbox Card #${id}`,
      description: `Seeded card ${id} of the RewardGraph sandbox contract`,
      image: `https://sandbox.klip.invalid/images/card-${id % 10}.png`,
      attributes: [
        { trait_type: 'edition', value: 'seed' },
        { trait_type: 'tier', value: TIERS[id % TIERS.length]! },
      ],
    };
  });
}

/** `0x` + 64 hex digits derived from `input`: a transaction-hash-shaped value without randomness. */
export function hexDigest(input: string): string {
  return `0x${createHash('sha256').update(input).digest('hex')}`;
}
