/**
 * Table types for Kysely. Timestamps are ISO-8601 strings in both SQLite and Postgres (text), so the
 * same code reads both without driver-specific date handling; they sort correctly as text.
 */

export interface CredentialsTable {
  provider: string;
  key: string;
  /** SecretBox ciphertext of the JSON credential. */
  value: string;
  expires_at: string | null;
  updated_at: string;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  /** `failed`: the last attempt threw; a retry of the same request may take it over. */
  state: 'pending' | 'done' | 'failed';
  /** SecretBox ciphertext of the JSON result (it may hold a claim code or voucher codes), or of the claim's fingerprint and note. */
  result: string;
  /** While `pending`: the instance acting for the key (IdempotencyStore.instanceId); null otherwise. */
  owner: string | null;
  /** While `pending`: when the owner's lease runs out unless renewed (ISO); after it, anyone may take over. */
  lease_expires_at: string | null;
  /** When the key was first claimed. */
  created_at: string;
  updated_at: string;
}


export interface ViewerLinksTable {
  viewer_id: string;
  klaytn_address: string;
  /** The App2App AUTH request that linked it. */
  request_key: string;
  linked_at: string;
}

export interface App2AppRequestsTable {
  request_key: string;
  /** The viewer (JWT sub) who prepared it. */
  owner_id: string;
  /** App2AppType, e.g. `AUTH`. */
  type: string;
  /** App2AppStatus, e.g. `PREPARED`. */
  status: string;
  expires_at: string;
  /** JSON of the App2App result once completed (addresses, tx hashes, signatures: nothing secret). */
  result: string | null;
  /** JSON `{code, message}` once in error or expired. */
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** The Xoxoday catalog as of the last sync of each account, in upstream order; `data` is the voucher record (JSON). */
export interface VoucherCatalogTable {
  /** The upstream account (datasources/account.ts) it was synced from. */
  account: string;
  product_id: string;
  position: number;
  data: string;
}

export interface VoucherCatalogSyncsTable {
  /** `catalog@<account>`. */
  name: string;
  synced_at: string;
  product_count: number;
}

/** Products fetched by id (includeProducts), for node lookups between catalog syncs. */
export interface VoucherProductsTable {
  account: string;
  product_id: string;
  data: string;
  fetched_at: string;
}

export interface VoucherOrdersTable {
  /** The Xoxoday account that placed it (datasources/account.ts), or `legacy` when stored before accounts were. */
  account: string;
  /** Xoxoday's id, unique within `account` only. */
  order_id: string;
  /** Derived from (owner, idempotencyKey): unique across accounts, the order's identity here (its node id). */
  po_number: string;
  owner_id: string;
  product_id: string;
  /** Decimal string, as ordered ("25.00"). */
  denomination: string;
  quantity: number;
  total_amount: string;
  total_currency: string;
  status: string;
  delivery_status: string;
  /** SecretBox ciphertext of the JSON voucher codes. */
  codes: string;
  placed_at: string;
  updated_at: string;
}

export interface Database {
  credentials: CredentialsTable;
  idempotency: IdempotencyTable;
  viewer_links: ViewerLinksTable;
  app2app_requests: App2AppRequestsTable;
  voucher_catalog: VoucherCatalogTable;
  voucher_catalog_syncs: VoucherCatalogSyncsTable;
  voucher_products: VoucherProductsTable;
  voucher_orders: VoucherOrdersTable;
}
