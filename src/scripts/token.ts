/*
 * `npm run token -- <sub> [--admin] [--expires 12h] [--raw]`: a viewer JWT for the configured secret,
 * as the header line an IDE's Headers tab takes (`Authorization: Bearer …`, as `npm start` prints the
 * demo token), or with `--raw` the bare JWT for scripts: `TOKEN=$(npm run -s token -- alice --raw)`
 * (`-s` keeps npm's own banner, which npm writes to stdout, out of it).
 */
import { signViewerToken } from '../auth/tokens';
import { ConfigError, loadConfig } from '../config';
import { sandboxCredentials } from '../dev/embedded-sandbox';
import { resolveSecrets } from '../generated-secrets';

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const admin = argv.includes('--admin');
  const raw = argv.includes('--raw');
  const expiresAt = argv.indexOf('--expires');
  const expiresIn = expiresAt >= 0 ? argv[expiresAt + 1] : undefined;
  const sub = args.find((a) => a !== expiresIn);
  if (!sub) {
    process.stderr.write('usage: npm run token -- <sub> [--admin] [--expires 12h] [--raw]\n');
    process.exit(2);
  }
  const config = loadConfig(process.env, { developmentCredentials: sandboxCredentials });
  // A configured secret is used as it is; only a development default is read (or made) in DATA_DIR.
  const jwtSecret = config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : resolveSecrets(config).jwtSecret);
  if (!jwtSecret) {
    process.stderr.write('AUTH_JWKS_URL is configured: tokens come from your identity provider, not from here\n');
    process.exit(2);
  }
  const jwt = await signViewerToken(jwtSecret, sub, { admin, expiresIn: expiresIn ?? '12h', issuer: config.auth.issuer, audience: config.auth.audience });
  process.stdout.write(raw ? `${jwt}\n` : `Authorization: Bearer ${jwt}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
