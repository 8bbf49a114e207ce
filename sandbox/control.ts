/**
 * The sandbox's own control API under `/_sandbox` (the providers add theirs under `/_sandbox/<name>`).
 * JSON in and out; errors `{error: {code, message}}` with 400.
 * - `POST /reset` → `{ok: true, epoch}` once every reset listener has run; `GET /epoch` → `{epoch}`.
 * - `GET /stats` → `{requests: {<key>: n}, answered: {<key>: n}}` (arrivals, answers sent in full);
 *   `DELETE /stats` clears both.
 * - `GET /faults` → `{faults}`; `POST /faults` one rule or an array (all or nothing) → `{ok, faults}`;
 *   `DELETE /faults` clears.
 * - `GET /clock` → `{now}`; `POST /clock {advanceSeconds ≥ 0}` → `{now}`.
 * - `GET /strict` → `{strict, seed, fired: {<choice>: n}}`: seed null and fired `{}` outside strict mode;
 *   `fired` counts each choice's non-default turns since the last reset.
 */
import type { Express } from 'express';
import type { SandboxClock } from './clock';
import { faultRuleSchema, type SandboxFaults } from './faults';
import type { SandboxResets } from './resets';
import type { SandboxStats } from './stats';
import type { StrictMode } from './strict';

export interface ControlDeps {
  clock: SandboxClock;
  stats: SandboxStats;
  faults: SandboxFaults;
  resets: SandboxResets;
  strict: StrictMode;
}

export function registerControlRoutes(app: Express, { clock, stats, faults, resets, strict }: ControlDeps): void {
  app.post('/_sandbox/reset', async (_req, res) => {
    res.json({ ok: true, epoch: await resets.reset() });
  });
  app.get('/_sandbox/epoch', (_req, res) => res.json({ epoch: resets.epoch }));
  app.get('/_sandbox/strict', (_req, res) => res.json({ strict: strict.enabled, seed: strict.seed ?? null, fired: strict.fired() }));

  app.get('/_sandbox/stats', (_req, res) => res.json(stats.toJSON()));
  app.delete('/_sandbox/stats', (_req, res) => {
    stats.clear();
    res.json({ ok: true });
  });

  app.get('/_sandbox/faults', (_req, res) => res.json({ faults: faults.list() }));
  app.post('/_sandbox/faults', (req, res) => {
    const rules = Array.isArray(req.body) ? req.body : [req.body];
    const parsed = rules.map((r: unknown) => faultRuleSchema.safeParse(r));
    const bad = parsed.find((p) => !p.success);
    if (bad && !bad.success) {
      res.status(400).json({ error: { code: 'invalid_fault', message: bad.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });
      return;
    }
    for (const p of parsed) if (p.success) faults.add(p.data);
    res.json({ ok: true, faults: faults.list() });
  });
  app.delete('/_sandbox/faults', (_req, res) => {
    faults.clear();
    res.json({ ok: true });
  });

  app.post('/_sandbox/clock', (req, res) => {
    const seconds = Number(req.body?.advanceSeconds);
    if (!Number.isFinite(seconds) || seconds < 0) {
      res.status(400).json({ error: { code: 'invalid_clock', message: 'advanceSeconds must be a number ≥ 0' } });
      return;
    }
    clock.advance(seconds);
    res.json({ now: clock.date().toISOString() });
  });
  app.get('/_sandbox/clock', (_req, res) => res.json({ now: clock.date().toISOString() }));
}
