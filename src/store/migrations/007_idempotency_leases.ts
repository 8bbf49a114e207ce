import type { Kysely, Migration } from 'kysely';

/** The old rule: a pending claim older than this belonged to a process that died. */
const LEGACY_STALE_MS = 300_000;

/**
 * Idempotency claims become leases: the instance acting for a key (`owner`) and when its lease runs out
 * (`lease_expires_at`), renewed while it acts. Existing rows are kept. A claim still pending from before
 * this migration was made by a version that promised its owner five minutes from `created_at`: its
 * lease is set to end then, so a rolling upgrade never takes a key from an old instance still acting.
 */
export const idempotencyLeases: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('idempotency').addColumn('owner', 'text').execute();
    await db.schema.alterTable('idempotency').addColumn('lease_expires_at', 'text').execute();
    const pending: Array<{ scope: string; key: string; created_at: string }> = await db
      .selectFrom('idempotency')
      .select(['scope', 'key', 'created_at'])
      .where('state', '=', 'pending')
      .execute();
    for (const row of pending) {
      const expires = new Date(Date.parse(row.created_at) + LEGACY_STALE_MS).toISOString();
      await db.updateTable('idempotency').set({ lease_expires_at: expires }).where('scope', '=', row.scope).where('key', '=', row.key).execute();
    }
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('idempotency').dropColumn('lease_expires_at').execute();
    await db.schema.alterTable('idempotency').dropColumn('owner').execute();
  },
};
