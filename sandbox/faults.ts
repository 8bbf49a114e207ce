import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/** One injected fault: which upstream calls it matches and what it does to them. */
export const faultRuleSchema = z
  .object({
    /** `kigo`, `klip` (both Klip base paths) or `xoxoday`; any provider when absent. */
    provider: z.enum(['kigo', 'klip', 'xoxoday']).optional(),
    method: z.string().transform((m) => m.toUpperCase()).optional(),
    /** A regular expression tested against the full request path, base path included. */
    path: z.string().optional(),
    /** Answer with this status instead of the real handler. */
    status: z.number().int().min(100).max(599).optional(),
    body: z.unknown().optional(),
    /** Wait this long before answering (or before the real handler runs). */
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** Destroy the connection without an answer. */
    drop: z.boolean().optional(),
    /** Matches this many calls, then disappears; forever when absent. */
    times: z.number().int().min(1).optional(),
  })
  .strict();

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

  /** Takes the first rule matching this call, counting it down. */
  private take(provider: string, method: string, path: string): ActiveFault | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.provider === undefined || r.provider === provider) &&
        (r.method === undefined || r.method === method) &&
        (r.pattern === undefined || r.pattern.test(path)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  /** Express middleware for one provider's routes: applies a matching fault before the real handler. */
  middleware(provider: 'kigo' | 'klip' | 'xoxoday') {
    return (req: Request, res: Response, next: NextFunction): void => {
      const rule = this.take(provider, req.method, req.originalUrl.split('?')[0]!);
      if (!rule) return next();
      const act = (): void => {
        if (rule.drop) {
          req.socket.destroy();
        } else if (rule.status !== undefined) {
          res.status(rule.status).json(rule.body ?? { error: { code: 'injected_fault', message: `injected ${rule.status}` } });
        } else {
          next();
        }
      };
      if (rule.delayMs) {
        const timer = setTimeout(act, rule.delayMs);
        // A client that gives up during the delay must not leave the timer to answer a dead socket.
        res.on('close', () => clearTimeout(timer));
      } else {
        act();
      }
    };
  }
}
