import type { Kysely, Migration } from 'kysely';

/** App2App requests and who prepared them (the only viewer who may read or subscribe to one). */
export const app2app: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('app2app_requests')
      .addColumn('request_key', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('app2app_requests').execute();
  },
};
