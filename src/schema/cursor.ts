/**
 * Opaque, signed pagination cursors. A cursor is base64url(JSON) plus an HMAC tag, so a client can
 * neither forge a position nor smuggle an upstream cursor of its own making: a changed cursor is a
 * BAD_USER_INPUT, not a confusing upstream error. The key is derived from the store key, so cursors
 * stay valid across restarts and across instances.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '../errors';

export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('rewardgraph:cursor:v1').digest();
  }

  /** `kind` keeps a cursor of one connection from being replayed against another. */
  encode(kind: string, payload: unknown): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.tag(kind, body)}`;
  }

  decode<T>(kind: string, cursor: string, argName = 'after'): T {
    const [body, tag] = cursor.split('.');
    if (!body || !tag || tag.length !== 22) throw invalid(argName);
    const expected = Buffer.from(this.tag(kind, body));
    if (!timingSafeEqual(expected, Buffer.from(tag))) throw invalid(argName);
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      throw invalid(argName);
    }
  }

  private tag(kind: string, body: string): string {
    return createHmac('sha256', this.key).update(`${kind}.${body}`).digest().subarray(0, 16).toString('base64url');
  }
}

function invalid(argName: string) {
  return badUserInput(`\`${argName}\` is not a cursor this connection issued (it was changed, or belongs to another list)`, [argName]);
}
