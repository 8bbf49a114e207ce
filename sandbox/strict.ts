/**
 * Strict mode: every choice the sandbox makes that the seeds and upstream docs do not confirm ([model]
 * in shared/upstreams/*.md) is drawn at random per answer, so a client that leans on one of our guesses
 * fails here instead of against the real upstream. What the docs state ([doc]) is never randomised.
 * The draws come from a seeded PRNG, restarted from the seed on every reset, so a failing run replays
 * with the same seed (`startSandbox({strict: true, seed})`, `SANDBOX_STRICT=1 SANDBOX_SEED=<n>`) as long
 * as its calls arrive in the same order. Outside strict mode nothing here draws or changes anything.
 *
 * The randomised choices (name: what varies; the default first):
 * - `klip.endCursor`: the last page of `GET /wallet/bapp` and `GET /a2a/cards` ends with `next_cursor`
 *   `""`, `null`, or no `next_cursor` at all ([doc] says only "returned empty").
 * - `klip.unknownIdCode`: an unknown card (`GET /wallet/card/:cardId`) or `request_key` (`GET /a2a/result`)
 *   answers 400 [doc] with code 40400 / 40007, with no code, or with a code no client knows.
 * - `kigo.unknownId`: an unknown token id (`token_not_found`) or claim code (`claim_code_invalid`) answers
 *   404 or 400, with its code, with no code, or with an unknown code.
 * - `xoxoday.unknownOrder`: getOrderDetails for an unknown orderId / poNumber answers 404 or 400, with
 *   errorId PLE10404, with no errorId, or with an unknown errorId.
 * - `unknownErrorCode`: any other error answer whose code is [model] carries, instead, a code of the same
 *   status that no client knows: every Klip code, every Kigo code, Xoxoday's PLE10429, and App2App's
 *   `error.code` (`expired`, `failed`) of a request in error. Xoxoday's documented errorIds (PLE10001,
 *   PLE10012, PLE10018, PLE10041) and OAuth error names (documented, or RFC 6749's) never change.
 * - `extraField`: an unknown optional field is added to an answer's top-level object and to the objects
 *   it carries (Klip cards, Kigo tokens, Xoxoday products, orders, order-history entries, vouchers).
 * - `missingOptional`: an optional field the sandbox adds on its own model is left out: a Klip card's
 *   `name`, `description`, `image`, `attributes`; a Kigo token's `description` and `media`, and its
 *   `value`, `expires_at`, `share` when null (absent instead of null); an order-history entry's `currencyCode`.
 * - `kigo.statusFilterIgnored`: `GET /wallet/tokens?status=` (our extension) ignores the filter and
 *   answers the unfiltered page, `total` counting every token.
 * - `xoxoday.refreshExtras`: a refresh_token grant answers `email`, `access_token_expiry` and
 *   `refresh_token_expiry` beyond the seed's fields (always with `xoxodayTokenExtras`).
 */
import { randomInt } from 'node:crypto';

export const STRICT_CHOICES = [
  'klip.endCursor',
  'klip.unknownIdCode',
  'kigo.unknownId',
  'xoxoday.unknownOrder',
  'unknownErrorCode',
  'extraField',
  'missingOptional',
  'kigo.statusFilterIgnored',
  'xoxoday.refreshExtras',
] as const;
export type StrictChoice = (typeof STRICT_CHOICES)[number];

const MAX_SEED = 0xffff_ffff;

/** A fresh seed for a strict run that was given none. */
export function newStrictSeed(): number {
  return randomInt(0, MAX_SEED);
}

export function isStrictSeed(seed: unknown): seed is number {
  return Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= MAX_SEED;
}

/** mulberry32: tiny, fast and plenty for picking variants; not for anything secret. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sandbox's source of strict-mode variation. Every method answers the default (and draws nothing)
 * outside strict mode; inside, each non-default outcome is tallied under its choice, so a failing run
 * can say what varied (`GET /_sandbox/strict`).
 */
export class StrictMode {
  private random: () => number;
  private readonly tally = new Map<StrictChoice, number>();

  /** `seed` undefined: strict mode off. */
  constructor(readonly seed: number | undefined) {
    if (seed !== undefined && !isStrictSeed(seed)) throw new Error(`strict seed must be an integer from 0 to ${MAX_SEED} (got ${String(seed)})`);
    this.random = mulberry32(seed ?? 0);
  }

  get enabled(): boolean {
    return this.seed !== undefined;
  }

  /** True with probability `p` in strict mode (tallied under `choice`); always false otherwise. */
  chance(choice: StrictChoice, p: number): boolean {
    if (!this.enabled || this.random() >= p) return false;
    this.note(choice);
    return true;
  }

  /** `options[0]` outside strict mode; any of them, equally likely, inside. */
  pick<T>(choice: StrictChoice, options: readonly [T, ...T[]]): T {
    if (!this.enabled) return options[0];
    const index = Math.floor(this.random() * options.length);
    if (index !== 0) this.note(choice);
    return options[index]!;
  }

  /** An integer in [min, max], for values of the variants themselves (not tallied). */
  int(min: number, max: number): number {
    return this.enabled ? min + Math.floor(this.random() * (max - min + 1)) : min;
  }

  /** How often each choice took a non-default turn since the last reset. */
  fired(): Partial<Record<StrictChoice, number>> {
    return Object.fromEntries([...this.tally].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Restarts the draws from the seed, so every run from a reset on replays. */
  reset(): void {
    this.random = mulberry32(this.seed ?? 0);
    this.tally.clear();
  }

  private note(choice: StrictChoice): void {
    this.tally.set(choice, (this.tally.get(choice) ?? 0) + 1);
  }
}
