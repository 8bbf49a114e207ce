/**
 * Runs an action at most once per (scope, key) and answers every repeat with the first result.
 *
 * Leases, not timeouts. A row is claimed `pending` (insert, ignoring conflicts: the database decides the
 * winner, across processes too) by this instance with a short lease that it renews while the action
 * runs; the winner stores the result as `done`. A repeat finds one of:
 * - `done`: the first result (or, after an unknown outcome, IdempotencyOutcomeUnknownError);
 * - `pending` under a live lease: a twin is acting; the repeat waits for it at most `waitMs`, then
 *   hears IdempotencyInProgressError with how long until the lease would run out;
 * - `pending` under an expired lease: its owner is gone (killed, hung): the repeat takes the key over;
 * - `failed`: the last attempt threw; the repeat takes the key over.
 * A takeover may follow an attempt that acted upstream before it died or lost its answer, so the action
 * is told (`Attempt.takeover`) and must first find out what the upstream did — the order by its
 * poNumber, the token's state — before acting again. What an attempt is about to do can be noted in the
 * row first (`Attempt.note`) for whoever takes over. Results and notes are encrypted: they may hold
 * claim codes, voucher codes or what leads to them. The same key with another request is refused,
 * whatever the row's state.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { SecretBox } from './secret-box';

/** The key was first used with a different request: replaying its result would answer the wrong question. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('this key was already used for a different request');
  }
}

/**
 * An earlier attempt may or may not have acted, and nothing upstream can tell (a Klip mint that timed
 * out, or whose instance died). Acting again could act twice, so repeats get this until the caller checks.
 * An action may throw it itself (e.g. on taking over an abandoned mint); it is then recorded as such.
 */
export class IdempotencyOutcomeUnknownError extends Error {
  readonly code = 'IDEMPOTENCY_OUTCOME_UNKNOWN';
  constructor() {
    super('an earlier attempt with this key may or may not have acted');
  }
}

/** A live twin still holds the key; `retryAfterSeconds` is when its lease would run out if it died now. */
export class IdempotencyInProgressError extends Error {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';
  constructor(readonly retryAfterSeconds: number) {
    super('the same request is still being processed; retry shortly');
  }
}

export interface RunOptions {
  /** Errors after which the action may have happened: recorded, so that no repeat acts again. */
  outcomeUnknown?: (err: unknown) => boolean;
}

/** What the action knows about the key it acts for. */
export interface Attempt {
  /**
   * Undefined for the first attempt. Otherwise why the earlier one did not finish: it threw
   * (`failed`), or its instance stopped renewing the lease (`abandoned`). Either may have acted upstream.
   */
  readonly takeover?: 'failed' | 'abandoned';
  /** When the key was first claimed: anything the earlier attempts did upstream happened since. */
  readonly firstClaimedAt: Date;
  /** What the latest earlier attempt noted before acting (see `note`). */
  readonly noted?: unknown;
  /**
   * Records what this attempt is about to do upstream, for a takeover to check; resolves once stored.
   * Throws IdempotencyInProgressError when this attempt no longer holds the key (it must not act).
   */
  note(intent: unknown): Promise<void>;
}

export interface IdempotencyOptions {
  /** How long a repeat waits for a live twin before hearing IdempotencyInProgressError. @default 2_000 */
  waitMs?: number;
  /** How long a claim lives without renewal; renewed every third of it while the action runs. @default 4_000 */
  leaseMs?: number;
  /** Names this instance in the rows it owns (tests run several in one process). @default a random id */
  instanceId?: string;
}

type Row = Database['idempotency'];

export class IdempotencyStore {
  /** Same-process repeats await the first call directly instead of polling the table. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly waitMs: number;
  private readonly leaseMs: number;
  readonly instanceId: string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox,
    options: IdempotencyOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 2_000;
    this.leaseMs = options.leaseMs ?? 4_000;
    this.instanceId = options.instanceId ?? randomUUID();
  }

  /**
   * `fingerprint` identifies the request (e.g. its normalised input); a repeat whose fingerprint differs
   * from the first call's throws IdempotencyKeyReusedError instead of replaying an unrelated result.
   */
  async run<T>(scope: string, key: string, action: (attempt: Attempt) => Promise<T>, fingerprint = '', options: RunOptions = {}): Promise<T> {
    const id = `${scope}\u0000${key}`;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const local = this.inFlight.get(id);
      if (local) {
        const settled = await settleBefore(local, deadline);
        if (settled === 'late') throw new IdempotencyInProgressError(1);
        if (settled.ok) return replay<T>(settled.value as Recorded, fingerprint);
        continue; // The first call failed: this repeat may act itself.
      }
      const now = Date.now();
      if (await this.claim(scope, key, fingerprint, now)) {
        return this.actAsOwner<T>(id, scope, key, action, fingerprint, options, { firstClaimedAt: new Date(now) });
      }
      const row = await this.db.selectFrom('idempotency').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
      if (!row) continue;
      const recorded = JSON.parse(this.box.open(row.result, aad(scope, key))) as Recorded;
      if (recorded.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (row.state === 'done') return replay<T>(recorded, fingerprint);
      const leaseLeft = row.lease_expires_at === null ? 0 : Date.parse(row.lease_expires_at) - Date.now();
      if (row.state === 'failed' || leaseLeft <= 0) {
        const takeover = row.state === 'failed' ? 'failed' : 'abandoned';
        if (await this.reclaim(row)) {
          return this.actAsOwner<T>(id, scope, key, action, fingerprint, options, { takeover, firstClaimedAt: new Date(row.created_at), noted: recorded.noted });
        }
        continue;
      }
      if (Date.now() >= deadline) throw new IdempotencyInProgressError(Math.max(1, Math.ceil(leaseLeft / 1000)));
      await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
    }
  }

  /** Acts for everyone waiting on this key in this process (they await the same promise). */
  private async actAsOwner<T>(
    id: string,
    scope: string,
    key: string,
    action: (attempt: Attempt) => Promise<T>,
    fingerprint: string,
    options: RunOptions,
    known: Omit<Attempt, 'note'>,
  ): Promise<T> {
    const pending = this.act(scope, key, action, fingerprint, options, known);
    this.inFlight.set(id, pending);
    try {
      return (await pending).value as T;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async act<T>(
    scope: string,
    key: string,
    action: (attempt: Attempt) => Promise<T>,
    fingerprint: string,
    options: RunOptions,
    known: Omit<Attempt, 'note'>,
  ): Promise<Recorded> {
    let noted = known.noted;
    const attempt: Attempt = {
      ...known,
      note: async (intent) => {
        noted = intent;
        const updated = await this.mine(scope, key)
          .set({ result: this.seal(scope, key, { fingerprint, value: null, noted }), updated_at: new Date().toISOString() })
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new IdempotencyInProgressError(1);
      },
    };
    const renewal = this.renewWhileRunning(scope, key);
    let recorded: Recorded;
    try {
      recorded = { fingerprint, value: (await action(attempt)) ?? null };
    } catch (err) {
      renewal.stop();
      if (err instanceof IdempotencyInProgressError) throw err; // Not ours any more: nothing to record.
      const unknown = err instanceof IdempotencyOutcomeUnknownError || options.outcomeUnknown?.(err) === true;
      await this.record(scope, key, unknown ? 'done' : 'failed', { fingerprint, value: null, ...(unknown ? { outcomeUnknown: true } : { noted }) });
      throw err;
    }
    renewal.stop();
    await this.record(scope, key, 'done', recorded);
    return recorded;
  }

  /** Keeps this instance's lease alive every third of its length until stopped. */
  private renewWhileRunning(scope: string, key: string): { stop(): void } {
    const timer = setInterval(() => {
      this.mine(scope, key)
        .set({ lease_expires_at: new Date(Date.now() + this.leaseMs).toISOString() })
        .executeTakeFirst()
        // A lost lease needs no action here: the final write below is conditional on owning the row.
        .catch(() => undefined);
    }, Math.max(1, Math.floor(this.leaseMs / 3)));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** Writes the outcome, only while this instance still owns the row (a takeover's outcome wins). */
  private async record(scope: string, key: string, state: 'done' | 'failed', recorded: Recorded): Promise<void> {
    await this.mine(scope, key)
      .set({ state, result: this.seal(scope, key, recorded), owner: null, lease_expires_at: null, updated_at: new Date().toISOString() })
      .execute();
  }

  /** An update of the row as long as this instance holds its lease. */
  private mine(scope: string, key: string) {
    return this.db.updateTable('idempotency').where('scope', '=', scope).where('key', '=', key).where('state', '=', 'pending').where('owner', '=', this.instanceId);
  }

  /** True when this call won the right to act. */
  private async claim(scope: string, key: string, fingerprint: string, now: number): Promise<boolean> {
    const at = new Date(now).toISOString();
    const inserted = await this.db
      .insertInto('idempotency')
      .values({
        scope,
        key,
        state: 'pending',
        result: this.seal(scope, key, { fingerprint, value: null }),
        owner: this.instanceId,
        lease_expires_at: new Date(now + this.leaseMs).toISOString(),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Takes over a failed or abandoned claim as it was read; false when another caller took it first. */
  private async reclaim(row: Row): Promise<boolean> {
    const now = Date.now();
    let update = this.db
      .updateTable('idempotency')
      .set({ state: 'pending', owner: this.instanceId, lease_expires_at: new Date(now + this.leaseMs).toISOString(), updated_at: new Date(now).toISOString() })
      .where('scope', '=', row.scope)
      .where('key', '=', row.key)
      .where('state', '=', row.state)
      .where('updated_at', '=', row.updated_at);
    update = row.owner === null ? update.where('owner', 'is', null) : update.where('owner', '=', row.owner);
    update = row.lease_expires_at === null ? update.where('lease_expires_at', 'is', null) : update.where('lease_expires_at', '=', row.lease_expires_at);
    const updated = await update.executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  private seal(scope: string, key: string, recorded: Recorded): string {
    return this.box.seal(JSON.stringify(recorded), aad(scope, key));
  }
}

/** What is kept per key: the first call's result and the fingerprint of its request. */
interface Recorded {
  fingerprint: string;
  value: unknown;
  outcomeUnknown?: boolean;
  /** What an attempt was about to do upstream (Attempt.note), kept until the key is done. */
  noted?: unknown;
}

function replay<T>(recorded: Recorded, fingerprint: string): T {
  if (recorded.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  if (recorded.outcomeUnknown) throw new IdempotencyOutcomeUnknownError();
  return recorded.value as T;
}

/** The local first call's outcome, or 'late' when it has not settled by `deadline`. */
async function settleBefore(promise: Promise<unknown>, deadline: number): Promise<{ ok: true; value: unknown } | { ok: false } | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise.then((value) => ({ ok: true as const, value }), () => ({ ok: false as const })), late]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function aad(scope: string, key: string): string {
  return `idempotency:${scope}:${key}`;
}
