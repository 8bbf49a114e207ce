/**
 * Runs an action at most once per (scope, key) and answers every repeat with the first result.
 *
 * A row is claimed as `pending` before the action runs (insert, ignoring conflicts: the database decides
 * the winner, across processes too), with the request's fingerprint; the winner stores the result as
 * `done`, everyone else waits for it. If the action throws, the row becomes `failed`, keeping the
 * fingerprint: a retry of the same request may claim it again and act (the callers' own upstream guards
 * — a share already pending, a reused poNumber — keep that from acting twice upstream), while the same
 * key with another request is refused even then. Results are encrypted: they may hold claim codes.
 */
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
 * The first call failed in a way that leaves its effect unknown (e.g. the upstream timed out after the
 * request was sent). Acting again could act twice, so repeats get this instead until the caller checks.
 */
export class IdempotencyOutcomeUnknownError extends Error {
  readonly code = 'IDEMPOTENCY_OUTCOME_UNKNOWN';
  constructor() {
    super('an earlier attempt with this key may or may not have acted');
  }
}

export interface RunOptions {
  /** Errors after which the action may have happened: recorded, so that no repeat acts again. */
  outcomeUnknown?: (err: unknown) => boolean;
}

export class IdempotencyInProgressError extends Error {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';
  constructor() {
    super('the same request is still being processed; retry shortly');
  }
}

export interface IdempotencyOptions {
  /** How long a repeat waits for the first call to finish. @default 30_000 */
  waitMs?: number;
  /** A pending claim older than this belongs to a process that died; it may be taken over. @default 300_000 */
  staleMs?: number;
}

export class IdempotencyStore {
  /** Same-process repeats await the first call directly instead of polling the table. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox,
    private readonly options: IdempotencyOptions = {},
  ) {}

  /**
   * `fingerprint` identifies the request (e.g. its normalised input); a repeat whose fingerprint differs
   * from the first call's throws IdempotencyKeyReusedError instead of replaying an unrelated result.
   */
  async run<T>(scope: string, key: string, action: () => Promise<T>, fingerprint = '', options: RunOptions = {}): Promise<T> {
    const id = `${scope}\u0000${key}`;
    const deadline = Date.now() + (this.options.waitMs ?? 30_000);
    for (;;) {
      const local = this.inFlight.get(id);
      if (local) {
        // The first call may fail; then this repeat tries to act itself.
        const settled = await local.then(
          (value) => ({ ok: true as const, value }),
          () => ({ ok: false as const }),
        );
        if (settled.ok) return replay<T>(settled.value as Recorded, fingerprint);
        continue;
      }
      if (await this.claim(scope, key, fingerprint)) return this.actAsWinner<T>(id, scope, key, action, fingerprint, options);
      const row = await this.db
        .selectFrom('idempotency')
        .select(['state', 'result', 'created_at'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue;
      const recorded = row.result === null ? undefined : (JSON.parse(this.box.open(row.result, aad(scope, key))) as Recorded);
      if (recorded && recorded.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (row.state === 'done' && recorded) return replay<T>(recorded, fingerprint);
      if (row.state === 'failed' || Date.now() - Date.parse(row.created_at) > (this.options.staleMs ?? 300_000)) {
        // A failed attempt, or a claim whose process died: whoever flips it back to pending acts.
        if (await this.reclaim(scope, key, row.state, row.created_at)) return this.actAsWinner<T>(id, scope, key, action, fingerprint, options);
        continue;
      }
      if (Date.now() > deadline) throw new IdempotencyInProgressError();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Acts for everyone waiting on this key in this process (they await the same promise). */
  private async actAsWinner<T>(id: string, scope: string, key: string, action: () => Promise<T>, fingerprint: string, options: RunOptions): Promise<T> {
    const pending = this.act(scope, key, action, fingerprint, options);
    this.inFlight.set(id, pending);
    try {
      return (await pending).value as T;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async act<T>(scope: string, key: string, action: () => Promise<T>, fingerprint: string, options: RunOptions): Promise<Recorded> {
    let recorded: Recorded;
    try {
      recorded = { fingerprint, value: (await action()) ?? null };
    } catch (err) {
      if (options.outcomeUnknown?.(err)) await this.record(scope, key, 'done', { fingerprint, value: null, outcomeUnknown: true });
      else await this.record(scope, key, 'failed', { fingerprint, value: null });
      throw err;
    }
    await this.record(scope, key, 'done', recorded);
    return recorded;
  }

  private async record(scope: string, key: string, state: 'done' | 'failed', recorded: Recorded): Promise<void> {
    await this.db
      .updateTable('idempotency')
      .set({ state, result: this.box.seal(JSON.stringify(recorded), aad(scope, key)), updated_at: new Date().toISOString() })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  }

  /** True when this call won the right to act. */
  private async claim(scope: string, key: string, fingerprint: string): Promise<boolean> {
    const now = new Date().toISOString();
    const result = this.box.seal(JSON.stringify({ fingerprint, value: null } satisfies Recorded), aad(scope, key));
    const inserted = await this.db
      .insertInto('idempotency')
      .values({ scope, key, state: 'pending', result, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Takes over a failed or abandoned claim; false when another caller took it first. */
  private async reclaim(scope: string, key: string, state: string, createdAt: string): Promise<boolean> {
    const now = new Date().toISOString();
    const updated = await this.db
      .updateTable('idempotency')
      .set({ state: 'pending', created_at: now, updated_at: now })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('state', '=', state as 'pending' | 'failed')
      .where('created_at', '=', createdAt)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
}

/** What is kept per key: the first call's result and the fingerprint of its request. */
interface Recorded {
  fingerprint: string;
  value: unknown;
  outcomeUnknown?: boolean;
}

function replay<T>(recorded: Recorded, fingerprint: string): T {
  if (recorded.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  if (recorded.outcomeUnknown) throw new IdempotencyOutcomeUnknownError();
  return recorded.value as T;
}

function aad(scope: string, key: string): string {
  return `idempotency:${scope}:${key}`;
}
