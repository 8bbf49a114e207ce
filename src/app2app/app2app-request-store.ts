/**
 * App2App requests at rest (table `app2app_requests`): recorded with their owner on prepare, updated
 * when the gateway observes a change. A terminal request is never rewritten, so an old poll answer
 * arriving late cannot undo a completion, and the owner's Klaytn link is written in the same
 * transaction as the AUTH completion that produced it.
 */
import type { Kysely, Selectable } from 'kysely';
import { App2AppStatus, TERMINAL_STATUSES, type App2AppType } from '../schema/app2app.enums';
import { LinkStore } from '../store/link-store';
import type { App2AppRequestsTable, Database } from '../store/schema';
import { sameState, type App2AppObservation, type App2AppRecord } from './app2app-record';

const LIVE_STATUSES = Object.values(App2AppStatus).filter((s) => !TERMINAL_STATUSES.has(s));

export class App2AppRequestStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: App2AppRecord): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('app2app_requests')
      .values({ ...toRow(record), created_at: now, updated_at: now })
      .execute();
  }

  /** The records of `keys`, in key order; undefined for unknown keys. */
  async findMany(keys: readonly string[]): Promise<Array<App2AppRecord | undefined>> {
    if (keys.length === 0) return [];
    const rows = await this.db.selectFrom('app2app_requests').selectAll().where('request_key', 'in', [...keys]).execute();
    const byKey = new Map(rows.map((row) => [row.request_key, fromRow(row)]));
    return keys.map((key) => byKey.get(key));
  }

  async find(key: string): Promise<App2AppRecord | undefined> {
    return (await this.findMany([key]))[0];
  }

  /** `ownerId`'s requests of `type` still live here and not expired before `expiredBefore`, newest first (at most 10). */
  async liveOf(ownerId: string, type: App2AppType, expiredBefore: Date): Promise<App2AppRecord[]> {
    const rows = await this.db
      .selectFrom('app2app_requests')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('type', '=', type)
      .where('status', 'in', LIVE_STATUSES)
      .where('expires_at', '>', expiredBefore.toISOString())
      .orderBy('created_at', 'desc')
      .limit(10)
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Records what was observed unless the stored request is already terminal or identical. Returns the
   * stored record afterwards and whether this call changed it; an AUTH completion links its address to
   * the owner in the same transaction.
   */
  async observe(key: string, observed: App2AppObservation): Promise<{ record: App2AppRecord | undefined; changed: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('app2app_requests').selectAll().where('request_key', '=', key).executeTakeFirst();
      if (!row) return { record: undefined, changed: false };
      const current = fromRow(row);
      if (TERMINAL_STATUSES.has(current.status) || sameState(current, observed)) return { record: current, changed: false };
      const next: App2AppRecord = { ...current, ...observed, result: observed.result, error: observed.error };
      const { status, expires_at, result, error } = toRow(next);
      const updated = await trx
        .updateTable('app2app_requests')
        .set({ status, expires_at, result, error, updated_at: new Date().toISOString() })
        .where('request_key', '=', key)
        .where('status', 'in', LIVE_STATUSES)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return { record: current, changed: false };
      const address = next.status === App2AppStatus.COMPLETED ? next.result?.klaytnAddress : undefined;
      if (address) await new LinkStore(trx).link(next.ownerId, address, key);
      return { record: next, changed: true };
    });
  }
}

function toRow(record: App2AppRecord): Omit<App2AppRequestsTable, 'created_at' | 'updated_at'> {
  return {
    request_key: record.requestKey,
    owner_id: record.ownerId,
    type: record.type,
    status: record.status,
    expires_at: record.expiresAt.toISOString(),
    result: record.result ? JSON.stringify(record.result) : null,
    error: record.error ? JSON.stringify(record.error) : null,
  };
}

function fromRow(row: Selectable<App2AppRequestsTable>): App2AppRecord {
  return {
    requestKey: row.request_key,
    ownerId: row.owner_id,
    type: row.type as App2AppType,
    status: row.status as App2AppStatus,
    expiresAt: new Date(row.expires_at),
    ...(row.result ? { result: JSON.parse(row.result) as App2AppRecord['result'] } : {}),
    ...(row.error ? { error: JSON.parse(row.error) as App2AppRecord['error'] } : {}),
  };
}
