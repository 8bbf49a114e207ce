import { sql, type Kysely, type Migration } from 'kysely';
import { all, rebuildTable, same, within } from './rebuild';

/** What rows stored before this migration carry: which account they came from is not known. */
const LEGACY = 'legacy';

/**
 * Xoxoday ids are unique only within an account (base URL + client id): voucher orders are keyed by
 * (account, order_id), so an order from another account with the same order id sits beside an old one
 * instead of being dropped as a duplicate. Existing orders are kept with account `legacy`; the gateway
 * adopts one into its account only once that account's getOrderDetails answers its order id with its
 * poNumber (see voucher-orders.ts). The catalog caches (listing, sync times, products by id) are keyed
 * the same way and start empty: they are copies, synced again on first use.
 */
export const upstreamAccounts: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const orderColumns = ['order_id', 'po_number', 'owner_id', 'product_id', 'denomination', 'quantity', 'total_amount', 'total_currency', 'status', 'delivery_status', 'codes', 'placed_at', 'updated_at'];
    await db.schema.dropIndex('voucher_orders_owner').ifExists().execute();
    await rebuildTable(
      db,
      'voucher_orders',
      (t, name) =>
        t
          .addColumn('account', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text', (c) => c.notNull())
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
          .addPrimaryKeyConstraint(`${name}_pk`, ['account', 'order_id'])
          .addCheckConstraint(`${name}_account_len`, within('account', 64))
          .addCheckConstraint(`${name}_order_len`, within('order_id', 64))
          .addCheckConstraint(`${name}_po_len`, within('po_number', 64))
          .addCheckConstraint(`${name}_owner_len`, within('owner_id', 1024))
          .addCheckConstraint(`${name}_product_len`, within('product_id', 64)),
      { account: sql.lit(LEGACY), ...Object.fromEntries(orderColumns.map((c) => [c, same(c)])) },
      sql`1 = 1`,
      async (trx) => {
        await trx.schema.createIndex('voucher_orders_owner').on('voucher_orders').columns(['owner_id', 'placed_at', 'order_id']).execute();
      },
    );
    await rebuildTable(
      db,
      'voucher_catalog',
      (t, name) =>
        t
          .addColumn('account', 'text', (c) => c.notNull())
          .addColumn('product_id', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_pk`, ['account', 'product_id'])
          .addCheckConstraint(`${name}_account_len`, within('account', 64))
          .addCheckConstraint(`${name}_product_len`, within('product_id', 64)),
      { account: sql.lit(LEGACY), product_id: same('product_id'), position: same('position'), data: same('data') },
      sql`1 = 0`,
    );
    await db.deleteFrom('voucher_catalog_syncs').execute();
    await rebuildTable(
      db,
      'voucher_products',
      (t, name) =>
        t
          .addColumn('account', 'text', (c) => c.notNull())
          .addColumn('product_id', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('fetched_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_pk`, ['account', 'product_id'])
          .addCheckConstraint(`${name}_account_len`, within('account', 64))
          .addCheckConstraint(`${name}_product_len`, within('product_id', 64)),
      { account: sql.lit(LEGACY), product_id: same('product_id'), data: same('data'), fetched_at: same('fetched_at') },
      all(sql`1 = 0`),
    );
  },
  async down(): Promise<void> {
    // Going back would merge orders of different accounts under one order id again: not offered.
  },
};
