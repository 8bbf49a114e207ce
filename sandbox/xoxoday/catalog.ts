/**
 * The seed voucher catalog: exactly 120 products, built by formula (no randomness) so every start and
 * every reset serves the same catalog, plus the fixed FX table used to charge orders.
 *
 * Product `i` (0…119): id `String(10001 + i)`, brand `BRANDS[⌊i/5⌋]`, country `COUNTRY_ORDER[i % 5]`
 * (IN/INR, US/USD, GB/GBP, AE/AED, SG/SGD). `open_value` when `i % 4 === 3`, else `fixed_denomination`;
 * `delayed` delivery when `i % 7 === 6`; `orderQuantityLimit` 2 when `i % 11 === 5`, 5 when `i % 9 === 4`,
 * else 10. Global brands list all five countries (home country first).
 *
 * Wire choices [model]: `countries` is `[{code, name}]`; `categories` is an array of strings; money
 * values (`minValue`, `maxValue`, `discount`, `fee` in percent) are JSON numbers; `valueDenominations` is
 * a comma string of whole numbers for fixed products and `""` for open-value ones (use min/maxValue).
 */

export type ValueType = 'fixed_denomination' | 'open_value';
export type DeliveryType = 'realtime' | 'delayed';

export interface Country {
  code: string;
  name: string;
}

export interface Product {
  productId: string;
  name: string;
  description: string;
  imageUrl: string;
  currencyCode: string;
  countryCode: string;
  countries: Country[];
  categories: string[];
  valueType: ValueType;
  valueDenominations: string;
  minValue: number;
  maxValue: number;
  deliveryType: DeliveryType;
  redemptionInstructions: string;
  termsAndConditionsInstructions: string;
  expiryAndValidity: string;
  orderQuantityLimit: number;
  discount: number;
  fee: number;
}

interface CurrencySeed {
  name: string;
  denominations: number[];
  open: { min: number; max: number };
}

export const CURRENCIES: Record<string, CurrencySeed> = {
  INR: { name: 'Indian Rupee', denominations: [100, 250, 500, 1000, 2000], open: { min: 100, max: 10000 } },
  USD: { name: 'US Dollar', denominations: [5, 10, 25, 50, 100], open: { min: 5, max: 500 } },
  GBP: { name: 'Pound Sterling', denominations: [5, 10, 20, 50], open: { min: 5, max: 500 } },
  AED: { name: 'UAE Dirham', denominations: [25, 50, 100, 200], open: { min: 20, max: 2000 } },
  SGD: { name: 'Singapore Dollar', denominations: [10, 20, 50, 100], open: { min: 10, max: 1000 } },
};

/** Value of one unit in USD. Fixed: the sandbox never moves rates, so charges are predictable in tests. */
export const FX_TO_USD: Record<string, number> = { USD: 1, INR: 0.012, GBP: 1.27, AED: 0.2723, SGD: 0.74 };

const COUNTRY_ORDER: Array<Country & { currency: string }> = [
  { code: 'IN', name: 'India', currency: 'INR' },
  { code: 'US', name: 'United States', currency: 'USD' },
  { code: 'GB', name: 'United Kingdom', currency: 'GBP' },
  { code: 'AE', name: 'United Arab Emirates', currency: 'AED' },
  { code: 'SG', name: 'Singapore', currency: 'SGD' },
];

const BRANDS: Array<{ name: string; category: string; global?: true }> = [
  { name: 'Saffron Street Dining', category: 'Food & Drinks' },
  { name: 'Northwind Books', category: 'Books & Media' },
  { name: 'Bluebell Coffee', category: 'Food & Drinks' },
  { name: 'Metro Electronics', category: 'Electronics' },
  { name: 'Atlas Travel', category: 'Travel', global: true },
  { name: 'Cinema Paradiso', category: 'Entertainment' },
  { name: 'Greenleaf Grocers', category: 'Groceries' },
  { name: 'Urban Threads', category: 'Fashion' },
  { name: 'Pulse Fitness', category: 'Health & Wellness' },
  { name: 'Harbor Spa', category: 'Health & Wellness' },
  { name: 'Pixel Games', category: 'Gaming', global: true },
  { name: 'Sunrise Pharmacy', category: 'Health & Wellness' },
  { name: 'Lantern Home', category: 'Home & Living' },
  { name: 'Velvet Beauty', category: 'Beauty' },
  { name: 'Trailhead Outdoors', category: 'Sports' },
  { name: 'Melody Music', category: 'Entertainment', global: true },
  { name: 'Quickride Mobility', category: 'Travel' },
  { name: 'Kiddo Toys', category: 'Kids' },
  { name: 'Orbit Streaming', category: 'Entertainment', global: true },
  { name: 'Crumb Bakery', category: 'Food & Drinks' },
  { name: 'Voltage Mobile Recharge', category: 'Telecom' },
  { name: 'Petal Florists', category: 'Gifts' },
  { name: 'Summit Sportswear', category: 'Sports' },
  { name: 'Horizon Hotels', category: 'Travel', global: true },
];

export const CATALOG_SIZE = BRANDS.length * COUNTRY_ORDER.length;

const DISCOUNTS = [0, 2, 3.5, 5];

function buildProduct(i: number): Product {
  const brand = BRANDS[Math.floor(i / COUNTRY_ORDER.length)]!;
  const home = COUNTRY_ORDER[i % COUNTRY_ORDER.length]!;
  const currency = CURRENCIES[home.currency]!;
  const open = i % 4 === 3;
  const countries = brand.global
    ? [home, ...COUNTRY_ORDER.filter((c) => c !== home)].map(({ code, name }) => ({ code, name }))
    : [{ code: home.code, name: home.name }];
  const productId = String(10001 + i);
  return {
    productId,
    name: `${brand.name} ${home.name}`,
    description: `${brand.name} gift card, redeemable ${brand.global ? 'in every listed country' : `in ${home.name}`}.`,
    imageUrl: `https://cdn.sandbox.invalid/xoxoday/products/${productId}.png`,
    currencyCode: home.currency,
    countryCode: home.code,
    countries,
    categories: [brand.category],
    valueType: open ? 'open_value' : 'fixed_denomination',
    valueDenominations: open ? '' : currency.denominations.join(','),
    minValue: open ? currency.open.min : currency.denominations[0]!,
    maxValue: open ? currency.open.max : currency.denominations[currency.denominations.length - 1]!,
    deliveryType: i % 7 === 6 ? 'delayed' : 'realtime',
    redemptionInstructions: `Present the voucher code at any ${brand.name} outlet or enter it at checkout online.`,
    termsAndConditionsInstructions: 'Single use. Not exchangeable for cash. Lost codes cannot be replaced.',
    expiryAndValidity: '12 months from the date of issue',
    orderQuantityLimit: i % 11 === 5 ? 2 : i % 9 === 4 ? 5 : 10,
    discount: DISCOUNTS[i % DISCOUNTS.length]!,
    fee: i % 6 === 0 ? 1.5 : 0,
  };
}

/** The seed catalog, in productId order. Fresh objects on every call, so nothing can mutate the seed. */
export function seedCatalog(): Product[] {
  return Array.from({ length: CATALOG_SIZE }, (_, i) => buildProduct(i));
}

/** Name of a currency the sandbox knows, for the currency filter group. */
export function currencyName(code: string): string {
  return CURRENCIES[code]?.name ?? code;
}

/** Rounds to cents; the epsilon keeps 1.005 from becoming 1.00. */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** Converts with the fixed FX table, rounded to 2 dp. Both currencies must be in FX_TO_USD. */
export function convert(amount: number, from: string, to: string): number {
  if (from === to) return round2(amount);
  return round2((amount * FX_TO_USD[from]!) / FX_TO_USD[to]!);
}

/** Whether the product can be bought at some face value within [low, high] (its own currency). */
export function purchasableWithin(product: Product, low: number, high: number): boolean {
  if (product.valueType === 'open_value') return product.minValue <= high && product.maxValue >= low;
  return denominationsOf(product).some((d) => d >= low && d <= high);
}

export function denominationsOf(product: Product): number[] {
  return product.valueDenominations === '' ? [] : product.valueDenominations.split(',').map(Number);
}
