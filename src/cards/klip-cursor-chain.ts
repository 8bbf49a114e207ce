/**
 * The Klip cursors the gateway has seen for a listing, linked backwards: which Klip cursor came just
 * before each `next_cursor`, and which page was the last. Klip pages only forward; with this chain a
 * backward page (`last`/`before`) reads the page before its cursor's page directly, one Klip call at
 * most, instead of walking the listing from its start.
 *
 * Shared by every instance (coordination maps: Redis when configured), so a client whose requests a
 * load balancer spreads over instances can page back over pages another instance read. Links live as
 * long as a cached page (KLIP_PAGE_CACHE_TTL_SECONDS): pages change (mints, transfers), and Klip's own
 * cursors need not live forever either. A link that is gone is not guessed: the caller refuses the
 * backward page (BAD_USER_INPUT) and the client pages forward again, which re-learns the links.
 */
import { createHash } from 'node:crypto';
import type { SharedMap } from '../pubsub';

export class KlipCursorChain {
  constructor(
    private readonly map: SharedMap,
    private readonly ttlMs: number,
  ) {}

  /** Records that the page at `cursor` of `listing` answered `next` (`""`: it is the last page). */
  async link(listing: string, cursor: string, next: string): Promise<void> {
    if (next === '') await this.map.set(this.key(listing, 'end'), cursor, this.ttlMs);
    else await this.map.set(this.key(listing, `prev:${digest(next)}`), cursor, this.ttlMs);
  }

  /** The Klip cursor of the page before the page at `cursor`, if still known. */
  previous(listing: string, cursor: string): Promise<string | undefined> {
    return this.map.get(this.key(listing, `prev:${digest(cursor)}`));
  }

  /** The Klip cursor of the listing's last page as last seen, if still known (a mint may have added pages since). */
  lastPage(listing: string): Promise<string | undefined> {
    return this.map.get(this.key(listing, 'end'));
  }

  private key(listing: string, what: string): string {
    return `klip-chain:${listing}:${what}`;
  }
}

/** Klip cursors are opaque and may be long: keys hold a digest, values the cursor itself. */
function digest(cursor: string): string {
  return createHash('sha256').update(cursor).digest('base64url');
}
