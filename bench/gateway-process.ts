/**
 * Starting the gateway (and bare Apollo) as their own processes for the process-based benchmarks
 * (throughput, subscriptions, soak): production mode, the sandbox's credentials, a fresh SQLite
 * `DATA_DIR`, every upstream URL pointed at a sandbox process; waits until `/readyz` answers 200.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_CREDENTIALS } from '../sandbox/provider';
import type { BenchPlace } from './app2app-load';
import { ProcessGroup, type ProcessSpec, type RunningProcess } from './processes';
import type { ServerDef } from './throughput-targets';

/** The root of the built tree (`dist/`), where the compiled entry points are. */
export const DIST = path.resolve(__dirname, '..');

export interface ServerPlacement {
  sandboxUrl: string;
  jwtSecret: string;
  /** A directory for the gateway's DATA_DIR (a fresh subdirectory per process). */
  tmp: string;
  nodeArgs?: string[];
  otlpUrl?: string;
}

/** Starts one gateway or bare Apollo process and waits until it can serve. */
export async function startServerProcess(group: ProcessGroup, def: ServerDef, at: ServerPlacement): Promise<RunningProcess> {
  // Production mode, as deployed (graphql-js's own checks, no IDE), for bare Apollo and the gateway alike.
  const common = { NODE_ENV: 'production', PORT: '0', AUTH_JWT_SECRET: at.jwtSecret };
  let spec: ProcessSpec;
  if (def.kind === 'bare-apollo') {
    spec = { name: def.name, script: path.join(DIST, 'bench/bare-apollo.js'), env: { ...common, ...def.env }, ready: /bare apollo ready at (http:\/\/\S+)\/graphql/ };
  } else {
    const dataDir = fs.mkdtempSync(path.join(at.tmp, `${def.name}-`));
    const env = {
      ...common,
      HOST: '127.0.0.1',
      // The default level (a line per operation), as deployed; the lines go to this process's pipe.
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      STORE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // One viewer loads the gateway here: the per-viewer rate (production's default 20/s) is not what is measured.
      VIEWER_OPERATIONS_PER_SECOND: '0',
      METRICS_PORT: '0',
      ...sandboxCredentialsEnv(),
      KIGO_BASE_URL: `${at.sandboxUrl}/kigo/api/v1`,
      KLIP_API_URL: `${at.sandboxUrl}/klip/v2`,
      KLIP_A2A_URL: `${at.sandboxUrl}/klip-a2a/v2`,
      XOXODAY_BASE_URL: `${at.sandboxUrl}/xoxoday/chef`,
      ...(def.otlp && at.otlpUrl ? { OTEL_EXPORTER_OTLP_ENDPOINT: at.otlpUrl } : {}),
      ...def.env,
    };
    const dist = def.dist ? path.join(path.resolve(def.dist), 'dist') : DIST;
    spec = { name: def.name, script: path.join(dist, 'src/main.js'), env, ready: /rewardgraph ready at (http:\/\/\S+)\/graphql/ };
  }
  const running = await group.start({ ...spec, nodeArgs: at.nodeArgs });
  if (def.kind === 'gateway') await waitReady(running);
  return running;
}

/**
 * Runs one process-based benchmark: a process group, a scratch directory and the sandbox process, with
 * a fresh JWT secret for its gateways. Every process is stopped and the directory removed afterwards,
 * on error, and on SIGINT/SIGTERM.
 */
export async function withSandboxProcess<T>(name: string, run: (group: ProcessGroup, place: BenchPlace) => Promise<T>): Promise<T> {
  const group = new ProcessGroup();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `rewardgraph-bench-${name}-`));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  const removeSignalHandlers = group.stopOnSignals(removeTmp);
  try {
    const sandbox = await startSandboxProcess(group);
    return await run(group, { sandbox, jwtSecret: randomBytes(32).toString('base64url'), tmp });
  } catch (err) {
    // Work fails when a signal stops the processes under it: the handler reports that and exits 130.
    if (group.interrupted) await new Promise(() => {});
    throw err;
  } finally {
    await group.stopAll();
    removeSignalHandlers();
    removeTmp();
  }
}

/** Starts the sandbox as its own process (port 0: the OS picks a free one). */
export function startSandboxProcess(group: ProcessGroup): Promise<RunningProcess> {
  return group.start({ name: 'sandbox', script: path.join(DIST, 'sandbox/main.js'), env: { SANDBOX_PORT: '0' }, ready: /sandbox on (http:\/\/\S+)/ });
}

/** /readyz answers 200 once the store works and every upstream's credentials do. */
async function waitReady(gateway: RunningProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const res = await fetch(`${gateway.url}/readyz`).catch((err: Error) => ({ status: 0, text: async () => err.message }));
    if (res.status === 200) return;
    last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    await sleep(200);
  }
  throw new Error(`${gateway.name} not ready after 30 s: /readyz ${last}\n${gateway.output()}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Production needs every upstream credential set: the sandbox's. (The Xoxoday grant is never used here.) */
function sandboxCredentialsEnv(): Record<string, string> {
  const c = SANDBOX_CREDENTIALS;
  return {
    KIGO_API_KEY: c.kigo.apiKey,
    KIGO_PARTNER_ID: c.kigo.partnerId,
    KLIP_PARTNER_EMAIL: c.klip.partnerEmail,
    KLIP_PARTNER_PASSWORD: c.klip.partnerPassword,
    KLIP_CARD_CONTRACT: c.klip.cardContract,
    KLIP_CARD_PIN: c.klip.cardPin,
    XOXODAY_CLIENT_ID: c.xoxoday.clientId,
    XOXODAY_CLIENT_SECRET: c.xoxoday.clientSecret,
    XOXODAY_REDIRECT_URI: c.xoxoday.redirectUri,
    XOXODAY_REFRESH_TOKEN: 'unused-by-the-benchmark',
  };
}
