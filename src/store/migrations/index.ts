import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './001_foundation';
import { viewerLinks } from './002_viewer_links';
import { app2app } from './004_app2app';
import { xoxoday } from './006_xoxoday';
import { idempotencyLeases } from './007_idempotency_leases';
import { boundedKeys } from './008_bounded_keys';
import { upstreamAccounts } from './009_upstream_accounts';
import { app2appOwnerIndex } from './010_app2app_owner_index';
import { voucherOrdersPendingIndex } from './011_voucher_orders_pending_index';

/**
 * Every migration, in order. Names sort in the order they must run; a new one gets the next number.
 * Kept in code (not read from a folder) so the compiled build and the tests see the same list.
 * Each migration takes `Kysely<any>`, as Kysely advises: a migration is frozen history and must not
 * depend on today's table types in ../schema.ts.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_viewer_links': viewerLinks,
  '004_app2app': app2app,
  '006_xoxoday': xoxoday,
  '007_idempotency_leases': idempotencyLeases,
  '008_bounded_keys': boundedKeys,
  '009_upstream_accounts': upstreamAccounts,
  '010_app2app_owner_index': app2appOwnerIndex,
  '011_voucher_orders_pending_index': voucherOrdersPendingIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
