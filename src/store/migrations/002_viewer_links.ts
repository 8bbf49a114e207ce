import type { Kysely, Migration } from 'kysely';

/** The Klaytn address each viewer linked through a completed App2App AUTH request. */
export const viewerLinks: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('viewer_links')
      .addColumn('viewer_id', 'text', (c) => c.primaryKey())
      .addColumn('klaytn_address', 'text', (c) => c.notNull())
      .addColumn('request_key', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('viewer_links').execute();
  },
};
