/**
 * Rewards API order ops: placeOrder, getOrderDetails, getOrderHistory, getBalance.
 *
 * - Money is JSON numbers, rounded to 2 dp. The company balance is in one currency (seed 10000 USD);
 *   an order is charged face value × quantity converted from the product's currency with the fixed FX
 *   table (catalog.ts), rounded to 2 dp. `orderTotal` is face value × quantity in the product's
 *   currency (the vouchers' `currency`); `amountCharged` is in `currencyCode`, the balance currency.
 *   Discount and fee are informational and do not change the charge [model].
 * - placeOrder checks, in order: `poNumber` already used → the first order unchanged, nothing charged,
 *   whatever else the call says [model]; missing/invalid field or unknown product → 400 PLE10001;
 *   denomination not offered (fixed) or outside min/max or finer than cents (open) → 404 PLE10018;
 *   quantity > 10 or > orderQuantityLimit → 409 PLE10041; balance too low → 422 PLE10012.
 * - Delivery: realtime → `delivered` with `quantity` codes at once; delayed → `pending` with `vouchers: []`
 *   until 10 minutes later on the sandbox clock, then `delivered` with the codes [model delay].
 * - orderId is a JSON number (getOrderDetails also takes it as a numeric string); voucher codes and PINs
 *   are random. getOrderDetails with an unknown orderId/poNumber → 404 PLE10404 [model id].
 * - getOrderHistory: `startDate`, `endDate` (YYYY-MM-DD, inclusive, UTC) required; `limit` 1…100
 *   (default 10), `page` from 1; newest first.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import { FX_TO_USD, convert, denominationsOf, round2, type Product } from './catalog';
import { PlumError, PlumErrorId } from './errors';

export const SEED_BALANCE = { value: 10000, currency: 'USD' } as const;
export const MAX_ORDER_QUANTITY = 10;
export const DELAYED_DELIVERY_MS = 10 * 60_000;
const FIRST_ORDER_ID = 7_000_001;

interface Voucher {
  voucherCode: string;
  pin: string;
  validity: string;
  amount: number;
  currency: string;
  productId: string;
}

interface Order {
  orderId: number;
  poNumber: string;
  product: Product;
  quantity: number;
  denomination: number;
  email: string;
  contact?: string;
  tag?: string;
  notifyReceiverEmail: 0 | 1;
  orderTotal: number;
  amountCharged: number;
  chargeCurrency: string;
  placedAt: number;
  deliverAt: number;
  vouchers: Voucher[];
}

const numeric = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]);
const dateString = z.iso.date();

const placeOrderInput = z.object({
  productId: z.union([z.string().trim().regex(/^\d+$/), z.number().int().positive().transform(String)]),
  quantity: numeric.pipe(z.number().int().min(1)),
  denomination: numeric.pipe(z.number().positive()),
  email: z.email(),
  contact: z.string().optional(),
  tag: z.string().optional(),
  poNumber: z.string().trim().min(1).max(100),
  notifyReceiverEmail: numeric.pipe(z.union([z.literal(0), z.literal(1)])),
});

const orderDetailsInput = z
  .object({ orderId: numeric.pipe(z.number().int().positive()).optional(), poNumber: z.string().trim().min(1).optional() })
  .refine((d) => d.orderId !== undefined || d.poNumber !== undefined, { message: 'orderId or poNumber is required' });

const orderHistoryInput = z
  .object({
    startDate: dateString,
    endDate: dateString,
    limit: numeric.pipe(z.number().int().min(1).max(100)).default(10),
    page: numeric.pipe(z.number().int().min(1)).default(1),
  })
  .refine((d) => d.startDate <= d.endDate, { message: 'startDate must not be after endDate', path: ['startDate'] });

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw PlumError.fromZod(parsed.error);
  return parsed.data;
}

function newVoucher(product: Product, amount: number, placedAt: number): Voucher {
  const hex = randomBytes(8).toString('hex').toUpperCase();
  return {
    voucherCode: hex.match(/.{4}/g)!.join('-'),
    pin: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    validity: new Date(placedAt + 365 * 86_400_000).toISOString().slice(0, 10),
    amount,
    currency: product.currencyCode,
    productId: product.productId,
  };
}

export class OrderBook {
  private balance: { value: number; currency: string } = { ...SEED_BALANCE };
  private orders = new Map<number, Order>();
  private byPoNumber = new Map<string, Order>();
  private nextOrderId = FIRST_ORDER_ID;

  constructor(private readonly products: ReadonlyMap<string, Product>) {}

  placeOrder(data: unknown, now: number) {
    // A retried order must never charge twice, so the poNumber is honoured before anything else is checked.
    const po = typeof data === 'object' && data !== null ? (data as { poNumber?: unknown }).poNumber : undefined;
    const existing = typeof po === 'string' ? this.byPoNumber.get(po.trim()) : undefined;
    if (existing) return this.view(existing, now);

    const input = parse(placeOrderInput, data);
    const product = this.products.get(input.productId);
    if (!product) throw PlumError.validation(`productId: unknown product ${input.productId}`);
    if (!this.offers(product, input.denomination)) {
      throw new PlumError(404, PlumErrorId.InvalidDenomination, 'Invalid denomination', `denomination ${input.denomination} is not available for product ${product.productId}`);
    }
    const limit = Math.min(MAX_ORDER_QUANTITY, product.orderQuantityLimit);
    if (input.quantity > limit) {
      throw new PlumError(409, PlumErrorId.QuantityLimit, 'Quantity limit exceeded', `at most ${limit} vouchers of product ${product.productId} per order`);
    }
    const orderTotal = round2(input.denomination * input.quantity);
    const charge = convert(orderTotal, product.currencyCode, this.balance.currency);
    if (charge > this.balance.value) {
      throw new PlumError(422, PlumErrorId.CouldNotFulfil, 'Could not fulfil the order', 'insufficient balance');
    }
    this.balance.value = round2(this.balance.value - charge);

    const order: Order = {
      orderId: this.nextOrderId++,
      poNumber: input.poNumber,
      product,
      quantity: input.quantity,
      denomination: input.denomination,
      email: input.email,
      contact: input.contact,
      tag: input.tag,
      notifyReceiverEmail: input.notifyReceiverEmail,
      orderTotal,
      amountCharged: charge,
      chargeCurrency: this.balance.currency,
      placedAt: now,
      deliverAt: product.deliveryType === 'delayed' ? now + DELAYED_DELIVERY_MS : now,
      vouchers: Array.from({ length: input.quantity }, () => newVoucher(product, input.denomination, now)),
    };
    this.orders.set(order.orderId, order);
    this.byPoNumber.set(order.poNumber, order);
    return this.view(order, now);
  }

  orderDetails(data: unknown, now: number) {
    const input = parse(orderDetailsInput, data);
    const order = input.orderId !== undefined ? this.orders.get(input.orderId) : this.byPoNumber.get(input.poNumber!);
    if (!order) throw new PlumError(404, PlumErrorId.OrderNotFound, 'Order not found', 'no order with that orderId or poNumber');
    return this.view(order, now);
  }

  orderHistory(data: unknown, now: number) {
    const input = parse(orderHistoryInput, data);
    const inRange = [...this.orders.values()]
      .filter((o) => {
        const day = new Date(o.placedAt).toISOString().slice(0, 10);
        return day >= input.startDate && day <= input.endDate;
      })
      .sort((a, b) => b.placedAt - a.placedAt || b.orderId - a.orderId);
    return inRange.slice((input.page - 1) * input.limit, input.page * input.limit).map((o) => ({
      orderId: o.orderId,
      orderDate: new Date(o.placedAt).toISOString(),
      poNumber: o.poNumber,
      deliveryStatus: this.deliveryStatus(o, now),
      orderTotal: o.orderTotal,
      amountCharged: o.amountCharged,
      currencyCode: o.chargeCurrency,
      products: [
        { productId: o.product.productId, productName: o.product.name, denomination: o.denomination, quantity: o.quantity, currencyCode: o.product.currencyCode },
      ],
    }));
  }

  getBalance(): { value: number; currency: string } {
    return { ...this.balance };
  }

  /** Control: sets the balance; the currency must be one the FX table knows. */
  setBalance(value: number, currency: string): void {
    if (!(currency in FX_TO_USD)) throw new Error(`unknown currency ${currency}`);
    this.balance = { value: round2(value), currency };
  }

  reset(): void {
    this.balance = { ...SEED_BALANCE };
    this.orders.clear();
    this.byPoNumber.clear();
    this.nextOrderId = FIRST_ORDER_ID;
  }

  private offers(product: Product, denomination: number): boolean {
    if (product.valueType === 'fixed_denomination') return denominationsOf(product).includes(denomination);
    const inCents = Math.abs(denomination * 100 - Math.round(denomination * 100)) < 1e-9;
    return inCents && denomination >= product.minValue && denomination <= product.maxValue;
  }

  private deliveryStatus(order: Order, now: number): 'pending' | 'delivered' {
    return now >= order.deliverAt ? 'delivered' : 'pending';
  }

  /** The wire shape of an order as of `now`: codes stay hidden while delivery is pending. */
  private view(order: Order, now: number) {
    const status = this.deliveryStatus(order, now);
    return {
      orderId: order.orderId,
      poNumber: order.poNumber,
      vouchers: status === 'delivered' ? order.vouchers.map((v) => ({ ...v })) : [],
      amountCharged: order.amountCharged,
      currencyCode: order.chargeCurrency,
      orderTotal: order.orderTotal,
      orderStatus: 'complete' as const,
      deliveryStatus: status,
    };
  }
}
