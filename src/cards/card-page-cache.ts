/**
 * A short-lived, bounded, process-wide cache of Klip card pages, keyed by listing and Klip cursor.
 *
 * Why across requests: a client walking a connection sends one GraphQL request per page, and each
 * request must re-read the Klip page its cursor points into, and at a Klip page boundary the next page
 * is read ahead for `hasNextPage` (card-connection.ts). Without this, walking the 250 seeded partner
 * cards 20 at a time (13 requests) costs 17 Klip page calls for 3 Klip pages; with it, each Klip page
 * is fetched once per walk. Why short-lived and bounded: pages change (mints append cards, App2App sends
 * move them), so an entry lives `ttlMs` (KLIP_PAGE_CACHE_TTL_SECONDS, default 30 s) and at most
 * `maxEntries` pages are kept, least recently used first out. A mint through the gateway clears it.
 *
 * Keys always carry the listing: the partner listing, or one holder address, so that one viewer's
 * cards can never answer another viewer's request. The cache holds promises, so concurrent requests
 * for the same page share one upstream call; a failed fetch is forgotten at once.
 */
export interface CardPageCacheOptions {
  /** 0 turns caching off (every call fetches). */
  ttlMs: number;
  /** @default 256 pages (at most 100 cards each). */
  maxEntries?: number;
  /** @default Date.now */
  now?: () => number;
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

export class CardPageCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: CardPageCacheOptions) {
    this.maxEntries = options.maxEntries ?? 256;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached page for `key`, or `fetch()`'s, which is then kept for `ttlMs`. */
  get(key: string, fetch: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return fetch();
    const now = this.now();
    const hit = this.entries.get(key);
    // Re-inserting moves the key to the end of the Map's order, which is what eviction reads as "recent".
    this.entries.delete(key);
    if (hit && hit.expiresAt > now) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry: Entry<V> = { value: fetch(), expiresAt: now + this.options.ttlMs };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }

  /** Forgets every page (after a mint: new cards may belong on any cached last page). */
  clear(): void {
    this.entries.clear();
  }
}
