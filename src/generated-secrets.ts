/**
 * Development convenience: a missing AUTH_JWT_SECRET or STORE_ENCRYPTION_KEY is generated once into
 * DATA_DIR/secrets.json (mode 0600) and reused on every start, so tokens and encrypted rows survive a
 * restart. Production never generates: config.ts already refused to start without them.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

export interface ResolvedSecrets {
  /** Undefined when tokens are verified with a JWKS instead. */
  jwtSecret?: string;
  storeEncryptionKey: string;
}

interface SecretsFile {
  authJwtSecret?: string;
  storeEncryptionKey?: string;
}

export function resolveSecrets(config: Config): ResolvedSecrets {
  const needJwt = !config.auth.jwtSecret && !config.auth.jwksUrl;
  const needKey = !config.storeEncryptionKey;
  if (!needJwt && !needKey) return { jwtSecret: config.auth.jwtSecret, storeEncryptionKey: config.storeEncryptionKey! };
  if (config.production) throw new Error('secrets are never generated in production');

  const file = path.join(config.dataDir, 'secrets.json');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const saved: SecretsFile = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile) : {};
  let changed = false;
  if (needJwt && !saved.authJwtSecret) {
    saved.authJwtSecret = randomBytes(32).toString('base64url');
    changed = true;
  }
  if (needKey && !saved.storeEncryptionKey) {
    saved.storeEncryptionKey = randomBytes(32).toString('base64');
    changed = true;
  }
  if (changed) fs.writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return {
    jwtSecret: config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : saved.authJwtSecret),
    storeEncryptionKey: config.storeEncryptionKey ?? saved.storeEncryptionKey!,
  };
}
