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
  // Created for this user only: it holds the keys to every token and encrypted row.
  if (!fs.existsSync(config.dataDir)) fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const saved = readSecrets(file);
  const wanted: SecretsFile = {
    ...saved,
    authJwtSecret: saved.authJwtSecret ?? (needJwt ? randomBytes(32).toString('base64url') : undefined),
    storeEncryptionKey: saved.storeEncryptionKey ?? (needKey ? randomBytes(32).toString('base64') : undefined),
  };
  if (wanted.authJwtSecret !== saved.authJwtSecret || wanted.storeEncryptionKey !== saved.storeEncryptionKey) {
    writeSecrets(file, wanted);
  }
  // Re-read: when two processes start on a fresh DATA_DIR at once, the first write wins for both.
  const final = readSecrets(file);
  return {
    jwtSecret: config.auth.jwtSecret ?? (config.auth.jwksUrl ? undefined : final.authJwtSecret),
    storeEncryptionKey: config.storeEncryptionKey ?? final.storeEncryptionKey!,
  };
}

function readSecrets(file: string): SecretsFile {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile) : {};
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file; a brand-new file
 * is created exclusively (`wx`), so of two processes racing on a fresh DATA_DIR only one writes it.
 */
function writeSecrets(file: string, secrets: SecretsFile): void {
  const text = `${JSON.stringify(secrets, null, 2)}\n`;
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return; // The other process wrote it first; the caller re-reads.
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600 });
  fs.renameSync(temporary, file);
  fs.chmodSync(file, 0o600);
}
