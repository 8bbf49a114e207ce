/* The sandbox alone: `npm run sandbox` serves the emulated upstreams on SANDBOX_PORT (default 4010). */
import { startSandbox } from './server';

async function main(): Promise<void> {
  const raw = process.env.SANDBOX_PORT?.trim() || '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SANDBOX_PORT: expected a port number from 0 to 65535 (got "${raw}")`);
  }
  const sandbox = await startSandbox({ port, host: process.env.SANDBOX_HOST ?? '127.0.0.1' });
  process.stdout.write(
    `rewardgraph sandbox on ${sandbox.url}\n` +
      `  kigo     ${sandbox.baseUrls.kigo}\n  klip     ${sandbox.baseUrls.klipApi}\n` +
      `  klip-a2a ${sandbox.baseUrls.klipA2a}\n  xoxoday  ${sandbox.baseUrls.xoxoday}\n` +
      `  control  ${sandbox.url}/_sandbox/{reset,epoch,stats,faults,clock}\n`,
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
