/**
 * Xoxoday's answers read by meaning in its datasource (wire.ts, xoxoday-rejections.ts), so the domain
 * never sees a wire word or code: what a guess ([model]) turns an unexpected answer into.
 */
import { wireOrder, wireProduct } from '../../src/datasources/xoxoday/wire';
import { xoxodayRejectionOf } from '../../src/datasources/xoxoday/xoxoday-rejections';
import { nextLookAt } from '../../src/vouchers/delivery-follower';
import { ConfigError, loadConfig } from '../../src/config';
import { sandboxCredentials } from '../../src/dev/embedded-sandbox';

const order = (fields: Record<string, unknown>) => wireOrder.parse({ orderId: 7000001, orderTotal: 10, orderStatus: 'complete', deliveryStatus: 'delivered', ...fields });
const product = (fields: Record<string, unknown>) =>
  wireProduct.parse({ productId: 1, name: 'P', currencyCode: 'USD', valueType: 'fixed_denomination', deliveryType: 'realtime', ...fields });

describe('order answers', () => {
  it.each([
    ['complete', 'complete'],
    ['Completed', 'complete'],
    ['failed', 'failed'],
    ['cancelled', 'failed'],
    ['on_hold', 'processing'],
  ])('reads orderStatus %s as %s', (word, outcome) => {
    expect(order({ orderStatus: word }).orderStatus).toBe(outcome);
  });

  it('reads any deliveryStatus but "delivered" as not delivered yet, so the order keeps being followed', () => {
    expect(order({ deliveryStatus: 'DELIVERED' }).deliveryStatus).toBe('delivered');
    expect(order({ deliveryStatus: 'pending' }).deliveryStatus).toBe('pending');
    expect(order({ deliveryStatus: 'in_transit' }).deliveryStatus).toBe('pending');
  });
});

describe('product answers', () => {
  it('reads denominations and categories as a comma string or an array', () => {
    expect(product({ valueDenominations: '10, 25,,50' }).valueDenominations).toEqual(['10', '25', '50']);
    expect(product({ valueDenominations: [10, '25'] }).valueDenominations).toEqual(['10', '25']);
    expect(product({ categories: 'Food,Travel' }).categories).toEqual(['Food', 'Travel']);
    expect(product({ categories: null }).categories).toEqual([]);
  });

  it('reads valueType and deliveryType by meaning, an unknown word as fixed / realtime', () => {
    expect(product({ valueType: 'OPEN_VALUE', deliveryType: 'Delayed' })).toMatchObject({ valueType: 'open', deliveryType: 'delayed' });
    expect(product({ valueType: 'variable', deliveryType: 'instant' })).toMatchObject({ valueType: 'fixed', deliveryType: 'realtime' });
  });
});

describe('token endpoint refusals', () => {
  const of = (status: number, body: unknown) => xoxodayRejectionOf({ status, body, method: 'POST', route: '/v1/oauth/token/company' });

  it('ends a grant only on invalid_grant or auth.token_error, whatever the status', () => {
    expect(of(400, { error: 'invalid_grant' })).toMatchObject({ kind: 'grant-invalid' });
    expect(of(401, { error: 'invalid_grant' })).toMatchObject({ kind: 'grant-invalid' });
    expect(of(403, { success: 0, error_message_id: 'auth.token_error' })).toMatchObject({ kind: 'grant-revoked' });
  });

  it('names everything else as not about the grant', () => {
    expect(of(400, { message: 'auth.request_limit_exceeded' })).toMatchObject({ kind: 'grant-rate-limited' });
    for (const error of ['invalid_client', 'invalid_request', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope']) {
      expect(of(400, { error })).toEqual({ kind: 'token-request-refused', upstreamCode: error });
    }
    expect(of(401, 'Unauthorized')).toEqual({ kind: 'token-request-refused', upstreamCode: 'HTTP 401' });
  });
});

describe('delivery follow-up', () => {
  it('waits twice as long after each look, up to the ceiling', () => {
    const waits = [0, 1, 2, 3, 4, 5].map((looks) => nextLookAt(1_000, looks, 30_000, 900_000) - 1_000);
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
  });

  it('is configured with a first wait and a ceiling; the grant renewal at most every 30 days', () => {
    const config = loadConfig({ VOUCHER_DELIVERY_POLL_MS: '1000', VOUCHER_DELIVERY_MAX_POLL_MS: '500' }, { developmentCredentials: sandboxCredentials });
    expect(config.voucherDelivery).toEqual({ intervalMs: 1_000, maxIntervalMs: 1_000 });
    expect(config.xoxodayGrantRenewalSeconds).toBe(604_800);
    expect(() => loadConfig({ XOXODAY_GRANT_RENEWAL_SECONDS: String(45 * 86_400) }, { developmentCredentials: sandboxCredentials })).toThrow(ConfigError);
  });
});
