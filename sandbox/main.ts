/*
 * The sandbox alone: `npm run sandbox` serves the emulated upstreams on SANDBOX_PORT (default 4010).
 * SANDBOX_STRICT=1 randomises every unconfirmed choice (sandbox/strict.ts), seeded by SANDBOX_SEED or a
 * random seed that is printed, so a run can be replayed.
 */
import { startSandbox } from './server';
import { isStrictSeed } from './strict';

function readEnv(env: NodeJS.ProcessEnv): { port: number; host: string; strict: boolean; seed?: number } {
  const problems: string[] = [];
  const rawPort = env.SANDBOX_PORT?.trim() || '4010';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`SANDBOX_PORT: expected a port number from 0 to 65535 (got "${rawPort}")`);
  const rawStrict = env.SANDBOX_STRICT?.trim().toLowerCase() ?? '';
  if (!['', '0', 'false', '1', 'true'].includes(rawStrict)) problems.push(`SANDBOX_STRICT: expected 1, true, 0 or false (got "${rawStrict}")`);
  const rawSeed = env.SANDBOX_SEED?.trim() || undefined;
  const seed = rawSeed === undefined ? undefined : Number(rawSeed);
  if (rawSeed !== undefined && (!/^\d+$/.test(rawSeed) || !isStrictSeed(seed))) problems.push(`SANDBOX_SEED: expected an integer from 0 to 4294967295 (got "${rawSeed}")`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return { port, host: env.SANDBOX_HOST ?? '127.0.0.1', strict: rawStrict === '1' || rawStrict === 'true', seed };
}

async function main(): Promise<void> {
  const { port, host, strict, seed } = readEnv(process.env);
  // In strict mode startSandbox prints the seed (on stderr) once.
  const sandbox = await startSandbox({ port, host, strict, seed });
  process.stdout.write(
    `rewardgraph sandbox on ${sandbox.url}${sandbox.strict ? ' (strict)' : ''}\n` +
      `  kigo     ${sandbox.baseUrls.kigo}\n  klip     ${sandbox.baseUrls.klipApi}\n` +
      `  klip-a2a ${sandbox.baseUrls.klipA2a}\n  xoxoday  ${sandbox.baseUrls.xoxoday}\n` +
      `  control  ${sandbox.url}/_sandbox/{reset,epoch,stats,faults,clock,strict}\n`,
  );
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
