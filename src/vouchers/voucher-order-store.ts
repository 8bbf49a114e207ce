/**
 * Voucher orders placed through the gateway, with their owners. Voucher codes are sealed with the store
 * key (bound to the order id), so a database dump or a row copied to another order reveals nothing.
 * Every read names the owner: there is no way here to read someone else's order.
 */
import type { Kysely } from 'kysely';
import type { SecretBox } from '../store/secret-box';
import type { Database } from '../store/schema';
import { VoucherDeliveryStatus, VoucherOrderStatus } from '../schema/voucher-order.type';

export interface StoredVoucherCode {
  code: string;
  pin: string | null;
  validity: string | null;
  amount: string;
  currency: string;
}

export interface VoucherOrderRecord {
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
        codes: this.seal(record.orderId, record.codes),
        placed_at: record.placedAt.toISOString(),
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async byPoNumber(ownerId: string, poNumber: string): Promise<VoucherOrderRecord | undefined> {
    const row = await this.db.selectFrom('voucher_orders').selectAll().where('po_number', '=', poNumber).where('owner_id', '=', ownerId).executeTakeFirst();
    return row ? this.record(row) : undefined;
  }

  async byOrderIds(ownerId: string, orderIds: readonly string[]): Promise<Map<string, VoucherOrderRecord>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('voucher_orders').selectAll().where('owner_id', '=', ownerId).where('order_id', 'in', [...orderIds]).execute();
    return new Map(rows.map((row) => [row.order_id, this.record(row)]));
  }

  /** Newest first. */
  async list(ownerId: string, offset: number, limit: number): Promise<VoucherOrderRecord[]> {
    const rows = await this.db
      .selectFrom('voucher_orders')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('placed_at', 'desc')
      .orderBy('order_id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((row) => this.record(row));
  }

  async updateDelivery(record: VoucherOrderRecord): Promise<void> {
    await this.db
      .updateTable('voucher_orders')
      .set({ status: record.status, delivery_status: record.deliveryStatus, codes: this.seal(record.orderId, record.codes), updated_at: new Date().toISOString() })
      .where('order_id', '=', record.orderId)
      .where('owner_id', '=', record.ownerId)
      .execute();
  }

  private record(row: Row): VoucherOrderRecord {
    return {
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
      codes: JSON.parse(this.box.open(row.codes, aad(row.order_id))) as StoredVoucherCode[],
      placedAt: new Date(row.placed_at),
    };
  }

  private seal(orderId: string, codes: StoredVoucherCode[]): string {
    return this.box.seal(JSON.stringify(codes), aad(orderId));
  }
}

function aad(orderId: string): string {
  return `voucher_orders:${orderId}`;
}
