/**
 * pino JSON logs. Anything named like a secret is replaced with "[redacted]" at any depth, so a
 * careless `log.info({ body })` can't leak an Authorization header, a claim code or a voucher code.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

/** Keys whose values are never logged (matched case-insensitively against the whole key). */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|pin|jwt|.*(password|passwd|secret|token|api_?key|claim_?code|voucher_?code|encryption_?key))$/i;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactSecrets(v, depth + 1);
  }
  return out;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'rewardgraph' },
      formatters: {
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export type { Logger } from 'pino';
