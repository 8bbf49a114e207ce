/**
 * pino JSON logs. Anything named like a secret is replaced with "[redacted]" at any depth, so a
 * careless `log.info({ body })` can't leak an Authorization header, a claim code or a voucher code.
 *
 * Lines go to stdout without blocking the request that logs them: pino's asynchronous destination
 * gathers lines until 4 KB or 100 ms have accumulated and writes them at once (a write per operation
 * was ~6 % of a busy gateway's CPU), and whatever is still pending is written synchronously when the
 * process exits. A line therefore reaches stdout at most ~100 ms after it is logged.
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

let stdout: ReturnType<typeof pino.destination> | undefined;

/** One asynchronous stdout destination per process, flushed at exit (process.exit included). */
function stdoutDestination(): DestinationStream {
  if (!stdout) {
    const destination = (stdout = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 }));
    process.once('exit', () => destination.flushSync());
  }
  return stdout;
}

export function createLogger(level: string, destination: DestinationStream = stdoutDestination()): Logger {
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
