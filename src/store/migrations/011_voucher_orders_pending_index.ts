import type { Kysely, Migration } from 'kysely';

/** The delivery follower reads an account's orders still pending delivery, oldest first, every sweep (vouchers/delivery-follower.ts). */
export const voucherOrdersPendingIndex: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.createIndex('voucher_orders_pending').on('voucher_orders').columns(['account', 'delivery_status', 'placed_at']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('voucher_orders_pending').execute();
  },
};
