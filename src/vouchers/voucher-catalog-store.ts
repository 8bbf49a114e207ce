/**
 * The voucher catalog in the store, shared by every instance and kept across restarts: the listing of
 * the last sync (replaced in one transaction, so a reader sees the old catalog or the new, never half),
 * its sync time, and single products fetched by id between syncs (a `null` record remembers an id
 * Xoxoday does not know, so asking again costs no quota until it expires). All of it per upstream
 * account: a gateway pointed at another Xoxoday account finds no catalog and syncs its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { VoucherRecord } from './voucher-mapper';

/** Rows per insert statement: well under SQLite's and Postgres's bound-parameter limits. */
const CHUNK = 200;

export class VoucherCatalogStore {
  private readonly name: string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly account: string,
  ) {
    this.name = `catalog@${account}`;
  }

  /** When the stored catalog was synced (epoch ms), if ever. */
  async syncedAt(): Promise<number | undefined> {
    const row = await this.db.selectFrom('voucher_catalog_syncs').select('synced_at').where('name', '=', this.name).executeTakeFirst();
    return row ? Date.parse(row.synced_at) : undefined;
  }

  /** The stored catalog in upstream order, with its sync time. */
  async read(): Promise<{ syncedAt: number; records: VoucherRecord[] } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const sync = await trx.selectFrom('voucher_catalog_syncs').select('synced_at').where('name', '=', this.name).executeTakeFirst();
      if (!sync) return undefined;
      const rows = await trx.selectFrom('voucher_catalog').select('data').where('account', '=', this.account).orderBy('position').execute();
      return { syncedAt: Date.parse(sync.synced_at), records: rows.map((r) => JSON.parse(r.data) as VoucherRecord) };
    });
  }

  async replace(records: VoucherRecord[], syncedAt: number): Promise<void> {
    const synced_at = new Date(syncedAt).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('voucher_catalog').where('account', '=', this.account).execute();
      for (let i = 0; i < records.length; i += CHUNK) {
        const rows = records.slice(i, i + CHUNK).map((record, j) => ({ account: this.account, product_id: record.productId, position: i + j, data: JSON.stringify(record) }));
        await trx.insertInto('voucher_catalog').values(rows).execute();
      }
      await trx
        .insertInto('voucher_catalog_syncs')
        .values({ name: this.name, synced_at, product_count: records.length })
        .onConflict((oc) => oc.column('name').doUpdateSet({ synced_at, product_count: records.length }))
        .execute();
    });
  }

  /** Products fetched by id since `freshAfter` (epoch ms): a record, or null for an id Xoxoday doesn't know. */
  async products(ids: readonly string[], freshAfter: number): Promise<Map<string, VoucherRecord | null>> {
    const found = new Map<string, VoucherRecord | null>();
    if (ids.length === 0) return found;
    const rows = await this.db
      .selectFrom('voucher_products')
      .select(['product_id', 'data'])
      .where('account', '=', this.account)
      .where('product_id', 'in', [...ids])
      .where('fetched_at', '>', new Date(freshAfter).toISOString())
      .execute();
    for (const row of rows) found.set(row.product_id, JSON.parse(row.data) as VoucherRecord | null);
    return found;
  }

  async saveProducts(products: Map<string, VoucherRecord | null>, fetchedAt: number): Promise<void> {
    if (products.size === 0) return;
    const fetched_at = new Date(fetchedAt).toISOString();
    const rows = [...products].map(([product_id, record]) => ({ account: this.account, product_id, data: JSON.stringify(record), fetched_at }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('voucher_products')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['account', 'product_id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), fetched_at: eb.ref('excluded.fetched_at') })))
        .execute();
    }
  }
}
