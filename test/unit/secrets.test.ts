import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { resolveSecrets } from '../../src/generated-secrets';
import { SecretBox } from '../../src/store/secret-box';
import { sandboxCredentials } from '../../src/dev/embedded-sandbox';

/** The embedded sandbox's credentials as development defaults, as main.ts wires them. */
const DEV = { developmentCredentials: sandboxCredentials };

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32).toString('base64'));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('claim-code-ABCDEFGH', 'row-1');
    const b = box.seal('claim-code-ABCDEFGH', 'row-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('claim-code');
    expect(box.open(a, 'row-1')).toBe('claim-code-ABCDEFGH');
  });

  it('refuses a ciphertext moved to another row', () => {
    expect(() => box.open(box.seal('secret', 'row-1'), 'row-2')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = box.seal('secret', 'row-1');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), ct.toString('base64url')].join('.'), 'row-1')).toThrow();
  });

  it('refuses another key', () => {
    const other = new SecretBox(randomBytes(32).toString('base64'));
    expect(() => other.open(box.seal('secret', 'row-1'), 'row-1')).toThrow();
  });
});

describe('generated development secrets', () => {
  it('generates the JWT secret and store key once into DATA_DIR and reuses them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-secrets-'));
    const first = resolveSecrets(loadConfig({ DATA_DIR: dataDir }, DEV));
    const second = resolveSecrets(loadConfig({ DATA_DIR: dataDir }, DEV));
    expect(first.jwtSecret).toHaveLength(43);
    expect(second).toEqual(first);
    const file = path.join(dataDir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefers configured secrets and generates nothing for them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-secrets-'));
    const key = randomBytes(32).toString('base64');
    const secrets = resolveSecrets(loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 's'.repeat(32), STORE_ENCRYPTION_KEY: key }, DEV));
    expect(secrets).toEqual({ jwtSecret: 's'.repeat(32), storeEncryptionKey: key });
    expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
  });
});
