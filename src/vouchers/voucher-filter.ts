/**
 * The VoucherFilter, applied by the gateway over the synced catalog. Xoxoday takes ONE filter per
 * getVouchers call, so sending filters upstream would mean either dropping all but one or spending a
 * call per combination; over the synced catalog every combination is exact and costs nothing.
 * - name: case-insensitive substring of the product name;
 * - country: ISO code or country name, matched against every country the product is valid in;
 * - currency, deliveryType: exact (currency case-insensitive);
 * - minPrice / maxPrice (in the product's own currency): the product can be bought at some face value
 *   within the range: a listed denomination for fixed products, an overlap with min–max for open ones.
 */
import { badUserInput } from '../errors';
import { VoucherValueType } from '../schema/voucher.type';
import type { VoucherFilter } from '../schema/voucher.input';
import type { VoucherRecord } from './voucher-mapper';

export type VoucherPredicate = (record: VoucherRecord) => boolean;

/** Checks the filter (BAD_USER_INPUT naming the field) and compiles it once for the whole catalog. */
export function compileFilter(filter: VoucherFilter | null | undefined): VoucherPredicate {
  if (!filter) return () => true;
  const checks: VoucherPredicate[] = [];
  const name = filter.name?.trim().toLowerCase();
  if (name) checks.push((r) => r.name.toLowerCase().includes(name));
  const country = filter.country?.trim();
  if (country) {
    const code = country.toUpperCase();
    const lower = country.toLowerCase();
    checks.push((r) => r.countries.includes(code) || r.countryNames.some((n) => n.toLowerCase() === lower));
  }
  const currency = filter.currency?.trim().toUpperCase();
  if (currency) checks.push((r) => r.currency === currency);
  if (filter.deliveryType) checks.push((r) => r.deliveryType === filter.deliveryType);

  const min = price(filter.minPrice, 'minPrice');
  const max = price(filter.maxPrice, 'maxPrice');
  if (min !== undefined && max !== undefined && min > max) {
    throw badUserInput(`\`filter.minPrice\` (${min}) must not be above \`filter.maxPrice\` (${max})`, ['filter', 'minPrice']);
  }
  if (min !== undefined || max !== undefined) checks.push(purchasableWithin(min ?? 0, max ?? Infinity));
  return (record) => checks.every((check) => check(record));
}

function price(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw badUserInput(`\`filter.${field}\` must be a price of 0 or more (got ${value})`, ['filter', field]);
  return value;
}

function purchasableWithin(low: number, high: number): VoucherPredicate {
  return (r) => {
    if (r.valueType === VoucherValueType.OPEN_VALUE) {
      const min = r.minValue === null ? 0 : Number(r.minValue);
      const max = r.maxValue === null ? Infinity : Number(r.maxValue);
      return min <= high && max >= low;
    }
    return r.denominations.some((d) => Number(d) >= low && Number(d) <= high);
  };
}
