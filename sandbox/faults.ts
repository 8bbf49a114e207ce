import type { Request, Response } from 'express';
import { z } from 'zod';

/** RFC 9110 token characters: anything else would make Node throw while answering. */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name');
const headerValue = z
  .union([z.string(), z.number().transform(String)])
  .pipe(z.string().max(8192).regex(/^[^\r\n]*$/, 'must not contain line breaks'));

/** One injected fault: which upstream calls it matches and what it does to them. */
export const faultRuleSchema = z
  .object({
    /** `kigo`, `klip` (both Klip base paths) or `xoxoday`; any provider when absent. */
    provider: z.enum(['kigo', 'klip', 'xoxoday']).optional(),
    method: z.string().transform((m) => m.toUpperCase()).optional(),
    /** A regular expression tested against the full request path, base path included. */
    path: z.string().optional(),
    /**
     * Text the request's JSON body must contain, e.g. `"plumProAPI.mutation.placeOrder"`: Xoxoday's
     * Rewards API answers every op on one path, so only the body tells a placeOrder from a getBalance.
     */
    bodyIncludes: z.string().min(1).max(1_000).optional(),
    /** Answer with this status instead of the real handler (or, with `afterAction`, instead of its answer). */
    status: z.number().int().min(100).max(599).optional(),
    /** JSON body of the injected answer; ignored without `status`. */
    body: z.unknown().optional(),
    /** Body of the injected answer sent as-is, not as JSON (an HTML error page, truncated JSON). */
    rawBody: z.string().max(1_000_000).optional(),
    /** Headers of the injected answer, e.g. `{"retry-after": "30"}` or a content type for `rawBody`. */
    headers: z.record(headerName, headerValue).optional(),
    /** Wait this long before answering (or before the real handler runs; with `afterAction`, after it ran). */
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** Destroy the connection without an answer. */
    drop: z.boolean().optional(),
    /** Let the real handler run and act first, then drop, replace or delay its answer. */
    afterAction: z.boolean().optional(),
    /** Matches this many calls, then disappears; forever when absent. */
    times: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.body !== undefined && rule.rawBody !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rawBody'], message: 'give body or rawBody, not both' });
    }
    for (const field of ['rawBody', 'headers'] as const) {
      if (rule[field] !== undefined && rule.status === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'describes an injected answer, so it needs status' });
      }
    }
    if (rule.afterAction && !rule.drop && rule.status === undefined && !rule.delayMs) {
      ctx.addIssue({ code: 'custom', path: ['afterAction'], message: 'needs drop, status or delayMs to do anything' });
    }
  });

export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveFault extends FaultRule {
  pattern?: RegExp;
  remaining: number;
}

export class SandboxFaults {
  private rules: ActiveFault[] = [];

  add(rule: FaultRule): void {
    this.rules.push({
      ...rule,
      pattern: rule.path === undefined ? undefined : new RegExp(rule.path),
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ pattern: _pattern, remaining, ...rule }) => ({ ...rule, remaining: Number.isFinite(remaining) ? remaining : undefined }));
  }

  /**
   * Applies the first rule matching this call (counting it down), then calls `proceed` to run the real
   * handler unless the rule answers or drops before it.
   */
  apply(provider: string, req: Request, res: Response, proceed: () => void): void {
    const rule = this.take(provider, req.method, req.originalUrl.split('?')[0]!, req.body);
    if (!rule) return proceed();
    if (rule.afterAction) return afterAction(rule, req, res, proceed);
    later(res, rule.delayMs, () => {
      if (rule.drop) req.socket.destroy();
      else if (rule.status !== undefined) inject(res, rule);
      else proceed();
    });
  }

  private take(provider: string, method: string, path: string, body: unknown): ActiveFault | undefined {
    let text: string | undefined;
    const bodyText = (): string => (text ??= body === undefined ? '' : JSON.stringify(body));
    const rule = this.rules.find(
      (r) =>
        (r.provider === undefined || r.provider === provider) &&
        (r.method === undefined || r.method === method) &&
        (r.pattern === undefined || r.pattern.test(path)) &&
        (r.bodyIncludes === undefined || bodyText().includes(r.bodyIncludes)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}

/**
 * "The upstream acted but its answer was lost (or late, or garbled)": the handler runs to its answer,
 * so every state change is done, and the answer is caught where everything Express sends ends up
 * (`json`, `send`, `redirect` and `sendStatus` all finish in `res.end`).
 */
function afterAction(rule: FaultRule, req: Request, res: Response, proceed: () => void): void {
  const realEnd = res.end;
  const caught = function (this: Response, ...args: unknown[]): Response {
    res.end = realEnd;
    later(res, rule.delayMs, () => {
      if (rule.drop) {
        req.socket.destroy();
      } else if (rule.status === undefined) {
        (realEnd as (...a: unknown[]) => Response).apply(res, args);
      } else {
        // The handler's headers (content type and length, cache and auth headers) belonged to its answer.
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        inject(res, rule);
      }
    });
    return res;
  };
  res.end = caught as Response['end'];
  proceed();
}

/** Sends the rule's answer: `rawBody` byte for byte, else `body` (or a default error) as JSON. */
function inject(res: Response, rule: FaultRule): void {
  res.status(rule.status!);
  // setHeader rather than res.set: Express would append a charset to a content type given here.
  for (const [name, value] of Object.entries(rule.headers ?? {})) res.setHeader(name, value);
  if (rule.rawBody === undefined) {
    res.json(rule.body ?? { error: { code: 'injected_fault', message: `injected ${rule.status}` } });
    return;
  }
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
  if (!res.hasHeader('content-length')) res.setHeader('content-length', Buffer.byteLength(rule.rawBody));
  res.end(rule.rawBody);
}

/** Runs `act` after `delayMs`; a client that gives up meanwhile must not leave a timer to answer a dead socket. */
function later(res: Response, delayMs: number | undefined, act: () => void): void {
  if (!delayMs) return act();
  const timer = setTimeout(act, delayMs);
  res.on('close', () => clearTimeout(timer));
}
