import type { Request } from 'express';
import type { z } from 'zod';
import { KigoError } from './errors';

/**
 * Parses a body or query with `schema`; on failure, one 400 `invalid_request` naming every bad field,
 * e.g. `limit: Too big: expected number to be <=100`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new KigoError('invalid_request', message);
}

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive), or undefined. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

/** Without a JSON content type Express leaves the body undefined; validate it as an empty object. */
export function jsonBody(req: Request): unknown {
  return req.body ?? {};
}
