import { sql, type Kysely, type Migration } from 'kysely';
import { all, rebuildTable, same, within } from './rebuild';

/** A viewer id is a JWT `sub`: the IdP's to choose, bounded here so a key cannot grow without end. */
const VIEWER = 1024;
/** Upstream ids that become keys: Klip request keys (uuids), Xoxoday order and product ids. */
const UPSTREAM_ID = 128;
const XOXODAY_ID = 64;

/**
 * Every column that is (part of) a key is NOT NULL and bounded in length, in the store itself: SQLite
 * lets a non-integer PRIMARY KEY column hold NULL, and nothing bounded a key an upstream answered. The
 * gateway checks upstream answers before storing them (wire schemas); these constraints are the last
 * line. Rows are kept, except those no key can name (a NULL or overlong key), which nothing could read.
 */
export const boundedKeys: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await rebuildTable(
      db,
      'credentials',
      (t, name) =>
        t
          .addColumn('provider', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_pk`, ['provider', 'key'])
          .addCheckConstraint(`${name}_provider_len`, within('provider', 64))
          .addCheckConstraint(`${name}_key_len`, within('key', VIEWER)),
      { provider: same('provider'), key: same('key'), value: same('value'), expires_at: same('expires_at'), updated_at: same('updated_at') },
      all(within('provider', 64), within('key', VIEWER)),
    );
    await rebuildTable(
      db,
      'idempotency',
      (t, name) =>
        t
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('owner', 'text')
          .addColumn('lease_expires_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_pk`, ['scope', 'key'])
          .addCheckConstraint(`${name}_scope_len`, within('scope', VIEWER + 64))
          .addCheckConstraint(`${name}_key_len`, within('key', 256))
          .addCheckConstraint(`${name}_owner_len`, within('owner', 64))
          .addCheckConstraint(`${name}_state`, sql`state in ('pending', 'done', 'failed')`),
      {
        scope: same('scope'),
        key: same('key'),
        state: same('state'),
        result: same('result'),
        owner: same('owner'),
        lease_expires_at: same('lease_expires_at'),
        created_at: same('created_at'),
        updated_at: same('updated_at'),
      },
      all(within('scope', VIEWER + 64), within('key', 256), sql`result is not null`),
    );
    await rebuildTable(
      db,
      'viewer_links',
      (t, name) =>
        t
          .addColumn('viewer_id', 'text', (c) => c.notNull().primaryKey())
          .addColumn('klaytn_address', 'text', (c) => c.notNull())
          .addColumn('request_key', 'text', (c) => c.notNull())
          .addColumn('linked_at', 'text', (c) => c.notNull())
          .addCheckConstraint(`${name}_viewer_len`, within('viewer_id', VIEWER))
          .addCheckConstraint(`${name}_address_len`, within('klaytn_address', 64))
          .addCheckConstraint(`${name}_request_key_len`, within('request_key', UPSTREAM_ID)),
      { viewer_id: same('viewer_id'), klaytn_address: same('klaytn_address'), request_key: same('request_key'), linked_at: same('linked_at') },
      all(within('viewer_id', VIEWER), within('klaytn_address', 64), within('request_key', UPSTREAM_ID)),
    );
    await rebuildTable(
      db,
      'app2app_requests',
      (t, name) =>
        t
          .addColumn('request_key', 'text', (c) => c.notNull().primaryKey())
          .addColumn('owner_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('result', 'text')
          .addColumn('error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addCheckConstraint(`${name}_request_key_len`, within('request_key', UPSTREAM_ID))
          .addCheckConstraint(`${name}_owner_len`, within('owner_id', VIEWER))
          .addCheckConstraint(`${name}_type_len`, within('type', 32))
          .addCheckConstraint(`${name}_status_len`, within('status', 32)),
      Object.fromEntries(['request_key', 'owner_id', 'type', 'status', 'expires_at', 'result', 'error', 'created_at', 'updated_at'].map((c) => [c, same(c)])),
      all(sql`request_key is not null`, within('request_key', UPSTREAM_ID), within('owner_id', VIEWER)),
    );
    await rebuildTable(
      db,
      'voucher_catalog',
      (t, name) =>
        t
          .addColumn('product_id', 'text', (c) => c.notNull().primaryKey())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addCheckConstraint(`${name}_product_len`, within('product_id', XOXODAY_ID)),
      { product_id: same('product_id'), position: same('position'), data: same('data') },
      all(sql`product_id is not null`, within('product_id', XOXODAY_ID)),
    );
    await rebuildTable(
      db,
      'voucher_catalog_syncs',
      (t, name) =>
        t
          .addColumn('name', 'text', (c) => c.notNull().primaryKey())
          .addColumn('synced_at', 'text', (c) => c.notNull())
          .addColumn('product_count', 'integer', (c) => c.notNull())
          .addCheckConstraint(`${name}_name_len`, within('name', 128)),
      { name: same('name'), synced_at: same('synced_at'), product_count: same('product_count') },
      all(sql`name is not null`, within('name', 128)),
    );
    await rebuildTable(
      db,
      'voucher_products',
      (t, name) =>
        t
          .addColumn('product_id', 'text', (c) => c.notNull().primaryKey())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('fetched_at', 'text', (c) => c.notNull())
          .addCheckConstraint(`${name}_product_len`, within('product_id', XOXODAY_ID)),
      { product_id: same('product_id'), data: same('data'), fetched_at: same('fetched_at') },
      all(sql`product_id is not null`, within('product_id', XOXODAY_ID)),
    );
    const orderColumns = ['order_id', 'po_number', 'owner_id', 'product_id', 'denomination', 'quantity', 'total_amount', 'total_currency', 'status', 'delivery_status', 'codes', 'placed_at', 'updated_at'];
    await rebuildTable(
      db,
      'voucher_orders',
      (t, name) =>
        t
          .addColumn('order_id', 'text', (c) => c.notNull().primaryKey())
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
          .addCheckConstraint(`${name}_order_len`, within('order_id', XOXODAY_ID))
          .addCheckConstraint(`${name}_po_len`, within('po_number', XOXODAY_ID))
          .addCheckConstraint(`${name}_owner_len`, within('owner_id', VIEWER))
          .addCheckConstraint(`${name}_product_len`, within('product_id', XOXODAY_ID)),
      Object.fromEntries(orderColumns.map((c) => [c, same(c)])),
      all(sql`order_id is not null`, within('order_id', XOXODAY_ID), within('po_number', XOXODAY_ID), within('owner_id', VIEWER), within('product_id', XOXODAY_ID)),
      async (trx) => {
        await trx.schema.createIndex('voucher_orders_owner').on('voucher_orders').columns(['owner_id', 'placed_at', 'order_id']).execute();
      },
    );
  },
  async down(): Promise<void> {
    // The constraints only refuse what nothing could read; there is nothing to undo them for.
  },
};
