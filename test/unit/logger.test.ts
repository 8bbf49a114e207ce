import { Writable } from 'node:stream';
import { createLogger, redactSecrets } from '../../src/observability/logger';

describe('log redaction', () => {
  it('redacts anything named like a secret, at any depth, and keeps the rest', () => {
    const out = redactSecrets({
      req: { headers: { Authorization: 'Bearer abc', 'content-type': 'application/json' } },
      upstream: { body: { access_token: 'a', refresh_token: 'r', claim_code: 'C', voucherCode: 'V', pin: '1234', api_key: 'k', clientSecret: 's', password: 'p' } },
      list: [{ sessionToken: 't', name: 'ok' }],
      code: 'UPSTREAM_UNAVAILABLE',
      status: 503,
    });
    expect(out).toEqual({
      req: { headers: { Authorization: '[redacted]', 'content-type': 'application/json' } },
      upstream: {
        body: {
          access_token: '[redacted]',
          refresh_token: '[redacted]',
          claim_code: '[redacted]',
          voucherCode: '[redacted]',
          pin: '[redacted]',
          api_key: '[redacted]',
          clientSecret: '[redacted]',
          password: '[redacted]',
        },
      },
      list: [{ sessionToken: '[redacted]', name: 'ok' }],
      code: 'UPSTREAM_UNAVAILABLE',
      status: 503,
    });
  });

  it('applies to what the logger writes', () => {
    let written = '';
    const logger = createLogger('info', new Writable({ write: (chunk, _e, cb) => ((written += String(chunk)), cb()) }));
    logger.info({ headers: { authorization: 'Bearer eyJsecret' }, claimCode: 'ABCD2345EFGH6789' }, 'request');
    expect(written).not.toContain('eyJsecret');
    expect(written).not.toContain('ABCD2345EFGH6789');
    expect(JSON.parse(written)).toMatchObject({ msg: 'request', headers: { authorization: '[redacted]' }, claimCode: '[redacted]' });
  });
});
