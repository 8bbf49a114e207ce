import type { Kysely, Migration } from 'kysely';

/** `viewer.klaytnAddress` first looks for the viewer's live AUTH requests (app2app-service.ts): by owner. */
export const app2appOwnerIndex: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.createIndex('app2app_requests_owner').on('app2app_requests').columns(['owner_id', 'type', 'status']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('app2app_requests_owner').execute();
  },
};
