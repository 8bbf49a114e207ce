/** Small pure parts of the Xoxoday domain: money text, the filter, poNumbers, and the production config rule. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../src/config';
import { decimalAmount, parseDenomination } from '../../src/vouchers/money';
import { compileFilter } from '../../src/vouchers/voucher-filter';
import type { VoucherRecord } from '../../src/vouchers/voucher-mapper';
import { poNumberOf } from '../../src/vouchers/voucher-orders';
import { DeliveryType, VoucherValueType } from '../../src/schema/voucher.type';
import { sandboxCredentials } from '../../src/dev/embedded-sandbox';

/** The embedded sandbox's credentials as development defaults, as main.ts wires them. */
const DEV = { developmentCredentials: sandboxCredentials };

describe('decimalAmount', () => {
  it.each([
    [25, '25.00'],
    [12.5, '12.50'],
    [0.1, '0.10'],
    [0.07, '0.07'],
    [1234567.89, '1234567.89'],
    [0.1 + 0.2, '0.30000000000000004'],
    ['25', '25.00'],
    ['007.5', '7.50'],
    [-3.2, '-3.20'],
  ])('writes %p as %p without float arithmetic', (input, expected) => {
    expect(decimalAmount(input)).toBe(expected);
  });

  it('refuses what is not an amount', () => {
    expect(() => decimalAmount('abc')).toThrow();
    expect(() => decimalAmount(Number.NaN)).toThrow();
  });
});

describe('parseDenomination', () => {
  it.each([
    ['25', '25.00'],
    ['25.5', '25.50'],
    [' 19.99 ', '19.99'],
  ])('accepts %p as %p', (input, expected) => expect(parseDenomination(input)).toBe(expected));

  it.each(['0', '0.00', '-5', '1.234', '1e3', '25.5.5', '', 'ten'])('refuses %p', (input) => expect(parseDenomination(input)).toBeUndefined());
});

describe('poNumberOf', () => {
  it('is stable per (viewer, key), distinct across viewers and keys, and short', () => {
    const po = poNumberOf('alice', 'order-1');
    expect(po).toBe(poNumberOf('alice', 'order-1'));
    expect(po).toMatch(/^rg-[0-9a-f]{32}$/);
    expect(poNumberOf('bob', 'order-1')).not.toBe(po);
    expect(poNumberOf('alice', 'order-2')).not.toBe(po);
    // Concatenation must not collide: ("a", "bc") vs ("ab", "c").
    expect(poNumberOf('a', 'bc')).not.toBe(poNumberOf('ab', 'c'));
  });
});

describe('compileFilter', () => {
  const base: VoucherRecord = {
    productId: '1',
    name: 'Bluebell Coffee India',
    description: null,
    imageUrl: null,
    currency: 'INR',
    countries: ['IN', 'US'],
    countryNames: ['India', 'United States'],
    categories: [],
    valueType: VoucherValueType.FIXED_DENOMINATIONS,
    denominations: ['100.00', '250.00'],
    minValue: '100.00',
    maxValue: '250.00',
    deliveryType: DeliveryType.REALTIME,
    redemptionInstructions: null,
    termsAndConditions: null,
    expiryAndValidity: null,
  };

  it('ANDs every field, case-insensitively where text', () => {
    expect(compileFilter({ name: 'COFFEE', country: 'united states', currency: 'inr', deliveryType: DeliveryType.REALTIME })(base)).toBe(true);
    expect(compileFilter({ name: 'coffee', deliveryType: DeliveryType.DELAYED })(base)).toBe(false);
    expect(compileFilter({ country: 'GB' })(base)).toBe(false);
    expect(compileFilter(null)(base)).toBe(true);
  });

  it('prices by a denomination in range for fixed products and by overlap for open ones', () => {
    expect(compileFilter({ minPrice: 150, maxPrice: 200 })(base)).toBe(false);
    expect(compileFilter({ minPrice: 200, maxPrice: 250 })(base)).toBe(true);
    expect(compileFilter({ maxPrice: 99 })(base)).toBe(false);
    const open = { ...base, valueType: VoucherValueType.OPEN_VALUE, denominations: [] };
    expect(compileFilter({ minPrice: 150, maxPrice: 200 })(open)).toBe(true);
    expect(compileFilter({ minPrice: 251 })(open)).toBe(false);
  });

  it('refuses a range that cannot match anything', () => {
    expect(() => compileFilter({ minPrice: 5, maxPrice: 1 })).toThrow(/minPrice/);
    expect(() => compileFilter({ maxPrice: -1 })).toThrow(/maxPrice/);
  });
});

describe('config: XOXODAY_REFRESH_TOKEN', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: 'x'.repeat(32),
    STORE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    KIGO_BASE_URL: 'https://kigo.example/api/v1',
    KLIP_API_URL: 'https://klip.example/v2',
    KLIP_A2A_URL: 'https://a2a.klip.example/v2',
    XOXODAY_BASE_URL: 'https://accounts.xoxoday.com/chef',
    KIGO_API_KEY: 'k',
    KIGO_PARTNER_ID: 'p',
    KLIP_PARTNER_EMAIL: 'e@x.y',
    KLIP_PARTNER_PASSWORD: 'pw',
    KLIP_CARD_CONTRACT: '0x1',
    KLIP_CARD_PIN: '1',
    XOXODAY_CLIENT_ID: 'id',
    XOXODAY_CLIENT_SECRET: 'secret',
    XOXODAY_REDIRECT_URI: 'https://app.example/xoxoday/callback',
  };

  it('is required in production, with how to obtain one', () => {
    let error: unknown;
    try {
      loadConfig(production, DEV);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problem = (error as ConfigError).problems.find((p) => p.startsWith('XOXODAY_REFRESH_TOKEN'));
    expect(problem).toMatch(/required in production.*\/v1\/oauth\/authorize.*\/v1\/oauth\/token\/company/);
    expect((error as ConfigError).problems).toHaveLength(1);
  });

  it('is taken in production when set, and optional elsewhere (the sandbox redirect URI by default)', () => {
    expect(loadConfig({ ...production, XOXODAY_REFRESH_TOKEN: 'r1' }, DEV).upstreamCredentials.xoxoday.refreshToken).toBe('r1');
    const dev = loadConfig({ NODE_ENV: 'development' }, DEV).upstreamCredentials.xoxoday;
    expect(dev.refreshToken).toBeUndefined();
    expect(dev.redirectUri).toBe('http://127.0.0.1/xoxoday/callback');
  });
});
