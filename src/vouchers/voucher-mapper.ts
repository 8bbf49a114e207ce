/**
 * A catalog product as the gateway keeps it (in the store and in memory): Xoxoday's wire product
 * normalised once (decimal strings, enum values, country codes), so listing and filtering never parse
 * wire data again. `voucherOf` makes the GraphQL object.
 */
import { Provider } from '../errors';
import { AssetKind } from '../schema/asset-kind.enum';
import { toGlobalId } from '../schema/global-id';
import { DeliveryType, Voucher, VoucherValueType } from '../schema/voucher.type';
import { decimalAmount } from './money';
import type { WireProduct } from '../datasources/xoxoday/wire';

export interface VoucherRecord {
  productId: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  currency: string;
  /** ISO codes. */
  countries: string[];
  /** Names of the same countries, when Xoxoday sends them (the country filter accepts either). */
  countryNames: string[];
  categories: string[];
  valueType: VoucherValueType;
  denominations: string[];
  minValue: string | null;
  maxValue: string | null;
  deliveryType: DeliveryType;
  redemptionInstructions: string | null;
  termsAndConditions: string | null;
  expiryAndValidity: string | null;
}

export function recordOf(wire: WireProduct): VoucherRecord {
  const countries = wire.countries && wire.countries.length > 0 ? wire.countries : wire.countryCode ? [{ code: wire.countryCode, name: null }] : [];
  const open = wire.valueType === 'open';
  return {
    productId: wire.productId,
    name: wire.name,
    description: wire.description,
    imageUrl: wire.imageUrl,
    currency: wire.currencyCode.toUpperCase(),
    countries: countries.map((c) => c.code.toUpperCase()),
    countryNames: countries.map((c) => c.name).filter((n): n is string => !!n),
    categories: wire.categories,
    valueType: open ? VoucherValueType.OPEN_VALUE : VoucherValueType.FIXED_DENOMINATIONS,
    denominations: open ? [] : wire.valueDenominations.map(decimalAmount),
    minValue: wire.minValue === undefined || wire.minValue === null ? null : decimalAmount(wire.minValue),
    maxValue: wire.maxValue === undefined || wire.maxValue === null ? null : decimalAmount(wire.maxValue),
    deliveryType: wire.deliveryType === 'delayed' ? DeliveryType.DELAYED : DeliveryType.REALTIME,
    redemptionInstructions: wire.redemptionInstructions,
    termsAndConditions: wire.termsAndConditionsInstructions,
    expiryAndValidity: wire.expiryAndValidity,
  };
}

export function voucherOf(record: VoucherRecord): Voucher {
  const { countryNames: _names, ...fields } = record;
  return Object.assign(new Voucher(), fields, {
    id: toGlobalId('Voucher', record.productId),
    provider: Provider.XOXODAY,
    assetKind: AssetKind.VOUCHER,
    acquiredAt: null,
    value: null,
  });
}
