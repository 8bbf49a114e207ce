/**
 * Rewards API catalog ops: getVouchers and getFilters, over the seed catalog (catalog.ts).
 *
 * getVouchers `data`: `limit` (1…100, default 10; over 100 → 400 PLE10001), `page` (from 1, default 1;
 * past the end → `[]`), `includeProducts` (comma ids: exactly the ones that exist, ignoring page, limit,
 * exclusions and filters), `excludeProducts`, `sort {field: name|price, order: asc|desc, any case}`
 * (price = minValue; default order productId ascending), `filters [{key, value}]`, at most one:
 * - productName: case-insensitive substring of the name
 * - country: ISO code (or name), matched against every entry of `countries`
 * - currencyCode, deliveryType: exact (case-insensitive)
 * - price [model]: `"low-high"` or a single amount: some face value of the product lies in the range
 * - minPrice / maxPrice: maxValue ≥ value / minValue ≤ value
 * Amounts are in each product's own currency. Quota: 500 getVouchers calls per UTC day of the sandbox
 * clock, counted whatever the outcome; from the 501st, 429 PLE10429 [model id].
 *
 * getFilters `data`: optional `filterGroupCode`; groups `country`, `currencyCode`, `price`, `deliveryType`
 * whose codes and `filterValueCode`s can be passed straight back as a getVouchers filter `{key, value}`.
 */
import { z } from 'zod';
import { currencyName, purchasableWithin, type Product } from './catalog';
import { PlumError, PlumErrorId } from './errors';

export const GET_VOUCHERS_DAILY_LIMIT = 500;
const FILTER_KEYS = ['productName', 'country', 'price', 'minPrice', 'maxPrice', 'currencyCode', 'deliveryType'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const pageNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(1));

const getVouchersInput = z.object({
  limit: pageNumber.pipe(z.number().max(100)).default(10),
  page: pageNumber.default(1),
  includeProducts: z.string().optional(),
  excludeProducts: z.string().optional(),
  sort: z
    .object({
      field: z.enum(['name', 'price']),
      order: z.string().toLowerCase().pipe(z.enum(['asc', 'desc'])).default('asc'),
    })
    .optional(),
  filters: z
    .array(z.object({ key: z.enum(FILTER_KEYS), value: z.union([z.string(), z.number()]).transform(String) }))
    .max(1, 'only one filter is supported per call')
    .default([]),
});

const getFiltersInput = z.object({ filterGroupCode: z.string().optional() });

/** Price buckets offered by getFilters; only those some product falls in are listed. */
const PRICE_BUCKETS: Array<[number, number]> = [
  [0, 25],
  [25, 50],
  [50, 100],
  [100, 500],
  [500, 1000],
  [1000, 10000],
];

function idList(csv: string | undefined): Set<string> {
  return new Set((csv ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

function amount(key: FilterKey, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw PlumError.validation(`filters.${key}: not an amount: ${value}`);
  return n;
}

function filterPredicate(key: FilterKey, raw: string): (p: Product) => boolean {
  const value = raw.trim();
  switch (key) {
    case 'productName':
      return (p) => p.name.toLowerCase().includes(value.toLowerCase());
    case 'country':
      return (p) => p.countries.some((c) => c.code === value.toUpperCase() || c.name.toLowerCase() === value.toLowerCase());
    case 'currencyCode':
      return (p) => p.currencyCode === value.toUpperCase();
    case 'deliveryType':
      return (p) => p.deliveryType === value.toLowerCase();
    case 'minPrice': {
      const min = amount(key, value);
      return (p) => p.maxValue >= min;
    }
    case 'maxPrice': {
      const max = amount(key, value);
      return (p) => p.minValue <= max;
    }
    case 'price': {
      const range = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*$/.exec(value);
      const [low, high] = range ? [amount(key, range[1]!), amount(key, range[2]!)] : [amount(key, value), amount(key, value)];
      return (p) => purchasableWithin(p, low, high);
    }
  }
}

function compareBy(field: 'name' | 'price', order: 'asc' | 'desc'): (a: Product, b: Product) => number {
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => {
    const primary = field === 'name' ? a.name.localeCompare(b.name) : a.minValue - b.minValue;
    return primary !== 0 ? sign * primary : Number(a.productId) - Number(b.productId);
  };
}

export class VoucherCatalog {
  private quotaDay = '';
  private quotaUsed = 0;

  constructor(private readonly products: readonly Product[]) {}

  getVouchers(data: unknown, now: number): Product[] {
    this.spendQuota(now);
    const parsed = getVouchersInput.safeParse(data);
    if (!parsed.success) throw PlumError.fromZod(parsed.error);
    const input = parsed.data;
    let list = [...this.products];
    const include = idList(input.includeProducts);
    if (include.size > 0) {
      list = list.filter((p) => include.has(p.productId));
    } else {
      const exclude = idList(input.excludeProducts);
      list = list.filter((p) => !exclude.has(p.productId));
      for (const { key, value } of input.filters) list = list.filter(filterPredicate(key, value));
    }
    if (input.sort) list.sort(compareBy(input.sort.field, input.sort.order));
    if (include.size === 0) list = list.slice((input.page - 1) * input.limit, input.page * input.limit);
    return list;
  }

  getFilters(data: unknown): Array<{ filterGroupName: string; filterGroupCode: string; filters: Array<{ filterValue: string; isoCode: string; filterValueCode: string }> }> {
    const parsed = getFiltersInput.safeParse(data);
    if (!parsed.success) throw PlumError.fromZod(parsed.error);
    const groups = [
      {
        filterGroupName: 'Country',
        filterGroupCode: 'country',
        filters: unique(this.products.flatMap((p) => p.countries), (c) => c.code).map((c) => ({ filterValue: c.name, isoCode: c.code, filterValueCode: c.code })),
      },
      {
        filterGroupName: 'Currency',
        filterGroupCode: 'currencyCode',
        filters: unique(this.products.map((p) => p.currencyCode), (c) => c).map((c) => ({ filterValue: currencyName(c), isoCode: c, filterValueCode: c })),
      },
      {
        filterGroupName: 'Price',
        filterGroupCode: 'price',
        filters: PRICE_BUCKETS.filter(([low, high]) => this.products.some((p) => purchasableWithin(p, low, high))).map(([low, high]) => ({
          filterValue: `${low} - ${high}`,
          isoCode: '',
          filterValueCode: `${low}-${high}`,
        })),
      },
      {
        filterGroupName: 'Delivery Type',
        filterGroupCode: 'deliveryType',
        filters: unique(this.products.map((p) => p.deliveryType), (d) => d).map((d) => ({ filterValue: d === 'realtime' ? 'Instant' : 'Delayed', isoCode: '', filterValueCode: d })),
      },
    ];
    const code = parsed.data.filterGroupCode;
    if (code === undefined || code === '') return groups;
    const chosen = groups.filter((g) => g.filterGroupCode === code);
    if (chosen.length === 0) throw PlumError.validation(`filterGroupCode: unknown group ${code}`);
    return chosen;
  }

  resetQuota(): void {
    this.quotaDay = '';
    this.quotaUsed = 0;
  }

  /** Counts this call against today's quota (UTC day of the sandbox clock) and refuses past the limit. */
  private spendQuota(now: number): void {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.quotaDay) {
      this.quotaDay = day;
      this.quotaUsed = 0;
    }
    this.quotaUsed += 1;
    if (this.quotaUsed > GET_VOUCHERS_DAILY_LIMIT) {
      throw new PlumError(429, PlumErrorId.DailyLimit, 'Daily limit exceeded', `getVouchers may be called ${GET_VOUCHERS_DAILY_LIMIT} times a day`);
    }
  }
}

/** First of each key, in order of appearance. */
function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
