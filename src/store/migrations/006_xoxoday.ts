import type { Kysely, Migration } from 'kysely';

/**
 * Xoxoday vouchers: the catalog synced from getVouchers (replaced wholesale on each sync, so listing and
 * paging are exact and cost no quota within the TTL), single products fetched by id (node lookups), and
 * the orders placed through the gateway with their owners (voucher codes sealed with the store key).
 */
export const xoxoday: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('voucher_catalog')
      .addColumn('product_id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('voucher_catalog_syncs')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('synced_at', 'text', (c) => c.notNull())
      .addColumn('product_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('voucher_products')
      .addColumn('product_id', 'text', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('voucher_orders')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('po_number', 'text', (c) => c.notNull().unique())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('denomination', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('total_amount', 'text', (c) => c.notNull())
      .addColumn('total_currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('delivery_status', 'text', (c) => c.notNull())
      .addColumn('codes', 'text', (c) => c.notNull())
      .addColumn('placed_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('voucher_orders_owner').on('voucher_orders').columns(['owner_id', 'placed_at', 'order_id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('voucher_orders').execute();
    await db.schema.dropTable('voucher_products').execute();
    await db.schema.dropTable('voucher_catalog_syncs').execute();
    await db.schema.dropTable('voucher_catalog').execute();
  },
};
