/* `npm run token -- <sub> [--admin] [--expires 12h]`: prints a viewer JWT for the configured secret. */
import { signViewerToken } from '../auth/tokens';
import { ConfigError, loadConfig } from '../config';
import { sandboxCredentials } from '../dev/embedded-sandbox';
import { resolveSecrets } from '../generated-secrets';

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const admin = argv.includes('--admin');
  const expiresAt = argv.indexOf('--expires');
  const expiresIn = expiresAt >= 0 ? argv[expiresAt + 1] : undefined;
  const sub = args.find((a) => a !== expiresIn);
  if (!sub) {
    process.stderr.write('usage: npm run token -- <sub> [--admin] [--expires 12h]\n');
    process.exit(2);
  }
  const config = loadConfig(process.env, { developmentCredentials: sandboxCredentials });
  // A configured secret is used as it is; only a development default is read (or made) in DATA_DIR.
  const jwtSecret = config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : resolveSecrets(config).jwtSecret);
  if (!jwtSecret) {
    process.stderr.write('AUTH_JWKS_URL is configured: tokens come from your identity provider, not from here\n');
    process.exit(2);
  }
  process.stdout.write(`${await signViewerToken(jwtSecret, sub, { admin, expiresIn: expiresIn ?? '12h', issuer: config.auth.issuer, audience: config.auth.audience })}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
