/**
 * Opaque, forward-only page cursors for both Klip listings [doc: at most 100 items a page, pass
 * `next_cursor` back as `cursor`, an empty `next_cursor` ends the list].
 *
 * Format [model]: base64url of `v1|<scope>|<last card id>|<check>`, where the check is an HMAC of the
 * rest under a fixed sandbox key. The scope binds a cursor to its listing (the partner's bapp listing,
 * or one `sca`+`eoa` pair), so a cursor altered or carried to another listing is refused with 400.
 * Keyed by the last card id rather than an offset: cards minted between pages are appended after it,
 * so a walk never repeats or skips a card.
 */
import { createHmac } from 'node:crypto';
import type { Request, Response } from 'express';
import { KlipErrorCode, sendKlipError } from './errors';

export const PAGE_SIZE = 100;

// Not a secret: it only makes a hand-built or altered cursor detectable, as a real opaque cursor is.
const CURSOR_KEY = 'klip-sandbox-cursor-v1';

export function encodeCursor(scope: string, lastId: number): string {
  const body = `v1|${scope}|${lastId}`;
  return Buffer.from(`${body}|${check(body)}`, 'utf8').toString('base64url');
}

/** The last card id of the previous page, or `undefined` when the cursor is not one we issued for `scope`. */
export function decodeCursor(scope: string, cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const cut = decoded.lastIndexOf('|');
  if (cut < 0) return undefined;
  const body = decoded.slice(0, cut);
  if (decoded.slice(cut + 1) !== check(body)) return undefined;
  const [version, cursorScope, lastId] = body.split('|');
  if (version !== 'v1' || cursorScope !== scope || !/^\d+$/.test(lastId ?? '')) return undefined;
  return Number(lastId);
}

function check(body: string): string {
  return createHmac('sha256', CURSOR_KEY).update(body).digest('base64url').slice(0, 16);
}

/**
 * One page of `items` (sorted by ascending numeric id) after `afterId`, with the cursor for the next
 * page or `""` when nothing follows.
 */
export function paginate<T extends { id: number }>(items: Iterable<T>, scope: string, afterId: number): { page: T[]; nextCursor: string } {
  const page: T[] = [];
  let more = false;
  for (const item of items) {
    if (item.id <= afterId) continue;
    if (page.length === PAGE_SIZE) {
      more = true;
      break;
    }
    page.push(item);
  }
  const last = page[page.length - 1];
  return { page, nextCursor: more && last ? encodeCursor(scope, last.id) : '' };
}

/**
 * Reads the `cursor` query for `scope`: the id after which the page starts (0 for the first page, also
 * for an empty cursor), or undefined once a 400 has been sent.
 */
export function readCursor(req: Request, res: Response, scope: string): number | undefined {
  const cursor = req.query['cursor'];
  if (cursor === undefined || cursor === '') return 0;
  const afterId = typeof cursor === 'string' ? decodeCursor(scope, cursor) : undefined;
  if (afterId === undefined) sendKlipError(res, 400, KlipErrorCode.InvalidCursor, 'cursor: is not a next_cursor issued for this listing');
  return afterId;
}
