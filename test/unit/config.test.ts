import { ConfigError, loadConfig } from '../../src/config';
import { SANDBOX_CREDENTIALS } from '../../sandbox/provider';
import { sandboxCredentials } from '../../src/dev/embedded-sandbox';

/** The embedded sandbox's credentials as development defaults, as main.ts wires them. */
const DEV = { developmentCredentials: sandboxCredentials };

const urls = {
  KIGO_BASE_URL: 'https://api.kigo.example/api/v1',
  KLIP_API_URL: 'https://api.klip.example/v2',
  KLIP_A2A_URL: 'https://a2a.klip.example/v2',
  XOXODAY_BASE_URL: 'https://accounts.xoxoday.example/chef',
};

const productionEnv = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'x'.repeat(40),
  STORE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  ...urls,
  KIGO_API_KEY: 'k',
  KIGO_PARTNER_ID: 'p',
  KLIP_PARTNER_EMAIL: 'e@example.com',
  KLIP_PARTNER_PASSWORD: 'pw',
  KLIP_CARD_CONTRACT: '0xc0ffee0000000000000000000000000000000001',
  KLIP_CARD_PIN: '000000',
  XOXODAY_CLIENT_ID: 'id',
  XOXODAY_CLIENT_SECRET: 'secret',
  XOXODAY_REDIRECT_URI: 'https://app.example/callback',
  XOXODAY_REFRESH_TOKEN: 'refresh',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, DEV);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to the embedded sandbox on 127.0.0.1:4000 in development', () => {
    const config = loadConfig({}, DEV);
    expect(config).toMatchObject({ env: 'development', host: '127.0.0.1', port: 4000, production: false, upstreamUrls: undefined });
    expect(config.upstreamCredentials.kigo.apiKey).toBe(SANDBOX_CREDENTIALS.kigo.apiKey);
    expect(config.upstreamCredentials.xoxoday.refreshToken).toBeUndefined();
    expect(config.app2appPollIntervalMs).toBe(1000);
    expect(config.voucherCatalogTtlSeconds).toBe(21600);
  });

  it('names every bad variable and what it expects, without echoing values', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', AUTH_JWT_SECRET: 'short-secret-value' });
    const text = problems.join('\n');
    expect(text).toMatch(/^PORT: expected a port number/m);
    expect(text).toMatch(/^LOG_LEVEL: expected fatal, error/m);
    expect(text).toMatch(/^DATABASE_URL: expected a URL like postgres:/m);
    expect(text).toMatch(/^AUTH_JWT_SECRET: expected at least 32 characters \(got a value of 18 characters\)/m);
    expect(text).not.toContain('short-secret-value');
    expect(problems).toHaveLength(4);
  });

  it('rejects a store key that is not 32 bytes', () => {
    expect(problemsOf({ STORE_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toEqual([
      expect.stringMatching(/^STORE_ENCRYPTION_KEY: expected base64 of exactly 32 bytes/),
    ]);
  });

  it('asks for the other upstream URLs when only some are set', () => {
    const problems = problemsOf({ KIGO_BASE_URL: urls.KIGO_BASE_URL });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/KLIP_API_URL: required when any of/);
  });

  it('uses configured URLs and, outside production, the sandbox credentials for what is unset', () => {
    const config = loadConfig({ ...urls, KIGO_API_KEY: 'mine' }, DEV);
    expect(config.upstreamUrls).toEqual({ kigo: urls.KIGO_BASE_URL, klipApi: urls.KLIP_API_URL, klipA2a: urls.KLIP_A2A_URL, xoxoday: urls.XOXODAY_BASE_URL });
    expect(config.upstreamCredentials.kigo).toEqual({ apiKey: 'mine', partnerId: SANDBOX_CREDENTIALS.kigo.partnerId });
  });

  it('in production requires secrets, upstreams and credentials, and says how to get a Xoxoday refresh token', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    const text = problems.join('\n');
    for (const name of ['AUTH_JWT_SECRET', 'STORE_ENCRYPTION_KEY', 'KIGO_BASE_URL', 'KIGO_API_KEY', 'KLIP_CARD_PIN', 'XOXODAY_CLIENT_SECRET', 'XOXODAY_REDIRECT_URI']) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/XOXODAY_REFRESH_TOKEN: required in production: complete the OAuth authorize flow/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(productionEnv, DEV);
    expect(config.production).toBe(true);
    expect(config.upstreamCredentials.xoxoday.refreshToken).toBe('refresh');
  });

  it('accepts a JWKS URL instead of a secret in production', () => {
    const { AUTH_JWT_SECRET: _secret, ...rest } = productionEnv;
    expect(loadConfig({ ...rest, AUTH_JWKS_URL: 'https://id.example/.well-known/jwks.json' }, DEV).auth.jwksUrl).toBeDefined();
  });
});
