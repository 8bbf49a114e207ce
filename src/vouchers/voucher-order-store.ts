/**
 * Voucher orders placed through the gateway, with their owners. Voucher codes are sealed with the store
 * key (bound to the order's account and id), so a database dump or a row copied to another order reveals
 * nothing. Every read names the owner: there is no way here to read someone else's order.
 *
 * Identity: Xoxoday's order id is unique within its account only, so rows are keyed by (account, order
 * id), and an order is known here by its poNumber, which is ours and unique. Orders stored before
 * accounts were recorded carry LEGACY_ACCOUNT until `adopt` moves one into the account that proved it
 * knows it (voucher-orders.ts).
 */
import type { Kysely } from 'kysely';
import { LEGACY_ACCOUNT } from '../datasources/account';
import type { SecretBox } from '../store/secret-box';
import type { Database } from '../store/schema';
import { VoucherDeliveryStatus, VoucherOrderStatus } from '../schema/voucher-order.enums';

export interface StoredVoucherCode {
  code: string;
  pin: string | null;
  validity: string | null;
  amount: string;
  currency: string;
}

export interface VoucherOrderRecord {
  /** The Xoxoday account that placed it, or LEGACY_ACCOUNT. */
  account: string;
  orderId: string;
  poNumber: string;
  ownerId: string;
  productId: string;
  denomination: string;
  quantity: number;
  totalAmount: string;
  totalCurrency: string;
  status: VoucherOrderStatus;
  deliveryStatus: VoucherDeliveryStatus;
  codes: StoredVoucherCode[];
  placedAt: Date;
}

type Row = Database['voucher_orders'];

export class VoucherOrderStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox,
  ) {}

  /** Records an order once; a second insert of the same order (a retry that raced) changes nothing. */
  async insert(record: VoucherOrderRecord): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('voucher_orders')
      .values({
        account: record.account,
        order_id: record.orderId,
        po_number: record.poNumber,
        owner_id: record.ownerId,
        product_id: record.productId,
        denomination: record.denomination,
        quantity: record.quantity,
        total_amount: record.totalAmount,
        total_currency: record.totalCurrency,
        status: record.status,
        delivery_status: record.deliveryStatus,
        codes: this.seal(record, record.codes),
        placed_at: record.placedAt.toISOString(),
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async byPoNumber(ownerId: string, poNumber: string): Promise<VoucherOrderRecord | undefined> {
    return (await this.byPoNumbers(ownerId, [poNumber])).get(poNumber);
  }

  async byPoNumbers(ownerId: string, poNumbers: readonly string[]): Promise<Map<string, VoucherOrderRecord>> {
    if (poNumbers.length === 0) return new Map();
    const rows = await this.db.selectFrom('voucher_orders').selectAll().where('owner_id', '=', ownerId).where('po_number', 'in', [...poNumbers]).execute();
    return new Map(rows.map((row) => [row.po_number, this.record(row)]));
  }

  /**
   * By Xoxoday order id (node ids made before orders were known by poNumber): the one from `account`
   * when there is one, else a legacy one.
   */
  async byOrderIds(ownerId: string, account: string, orderIds: readonly string[]): Promise<Map<string, VoucherOrderRecord>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('voucher_orders')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('order_id', 'in', [...orderIds])
      .where('account', 'in', [account, LEGACY_ACCOUNT])
      .execute();
    const found = new Map<string, VoucherOrderRecord>();
    for (const row of rows) if (!found.has(row.order_id) || row.account === account) found.set(row.order_id, this.record(row));
    return found;
  }

  /** Newest first, whichever account placed them. */
  async list(ownerId: string, offset: number, limit: number): Promise<VoucherOrderRecord[]> {
    const rows = await this.db
      .selectFrom('voucher_orders')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('placed_at', 'desc')
      .orderBy('po_number', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((row) => this.record(row));
  }

  /** How many orders `ownerId` placed, whichever account placed them. */
  async count(ownerId: string): Promise<number> {
    const row = await this.db.selectFrom('voucher_orders').select((eb) => eb.fn.countAll<number | string>().as('n')).where('owner_id', '=', ownerId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Orders of `account` still waiting for their codes (and not failed), oldest first: what the delivery
   * follower looks after, whoever owns them.
   */
  async pending(account: string, limit: number): Promise<VoucherOrderRecord[]> {
    const rows = await this.db
      .selectFrom('voucher_orders')
      .selectAll()
      .where('account', '=', account)
      .where('delivery_status', '=', VoucherDeliveryStatus.PENDING)
      .where('status', '!=', VoucherOrderStatus.FAILED)
      .orderBy('placed_at', 'asc')
      .orderBy('po_number', 'asc')
      .limit(limit)
      .execute();
    return rows.map((row) => this.record(row));
  }

  async updateDelivery(record: VoucherOrderRecord): Promise<void> {
    await this.db
      .updateTable('voucher_orders')
      .set({ status: record.status, delivery_status: record.deliveryStatus, codes: this.seal(record, record.codes), updated_at: new Date().toISOString() })
      .where('account', '=', record.account)
      .where('order_id', '=', record.orderId)
      .where('owner_id', '=', record.ownerId)
      .execute();
  }

  /**
   * Moves a legacy order into `account` (which just answered its order id with its poNumber), codes
   * resealed for it. False when that account already holds another order with that id.
   */
  async adopt(record: VoucherOrderRecord, account: string): Promise<boolean> {
    const adopted = { ...record, account };
    const taken = await this.db.selectFrom('voucher_orders').select('po_number').where('account', '=', account).where('order_id', '=', record.orderId).executeTakeFirst();
    if (taken) return false;
    const updated = await this.db
      .updateTable('voucher_orders')
      .set({ account, codes: this.seal(adopted, record.codes), updated_at: new Date().toISOString() })
      .where('account', '=', LEGACY_ACCOUNT)
      .where('po_number', '=', record.poNumber)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  private record(row: Row): VoucherOrderRecord {
    return {
      account: row.account,
      orderId: row.order_id,
      poNumber: row.po_number,
      ownerId: row.owner_id,
      productId: row.product_id,
      denomination: row.denomination,
      quantity: Number(row.quantity),
      totalAmount: row.total_amount,
      totalCurrency: row.total_currency,
      status: row.status as VoucherOrderStatus,
      deliveryStatus: row.delivery_status as VoucherDeliveryStatus,
      codes: JSON.parse(this.box.open(row.codes, aad(row.account, row.order_id))) as StoredVoucherCode[],
      placedAt: new Date(row.placed_at),
    };
  }

  private seal(record: { account: string; orderId: string }, codes: StoredVoucherCode[]): string {
    return this.box.seal(JSON.stringify(codes), aad(record.account, record.orderId));
  }
}

/** Legacy rows were sealed before accounts existed, bound to the order id alone. */
function aad(account: string, orderId: string): string {
  return account === LEGACY_ACCOUNT ? `voucher_orders:${orderId}` : `voucher_orders:${account}:${orderId}`;
}
