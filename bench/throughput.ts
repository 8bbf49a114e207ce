/**
 * `npm run bench -- throughput`: requests/s and p50/p99 of the gateway against what bounds it — the
 * upstream page it wraps (one-call queries) and bare Apollo Server 5 on express 5 (a no-upstream
 * query) — measured in one run. The sandbox, each gateway and bare Apollo run as their own processes
 * (built `dist/`), autocannon loads them from this process, and the rounds are interleaved: every
 * round runs every target at every connection count, in a rotated order, so a machine that gets
 * busier or quieter during the run moves all targets alike. Each target is checked (status, body)
 * and warmed up before it is measured, and every measured response must be a 2xx with the body the
 * check saw.
 *
 * Options (`--name=value` after `throughput`, or the environment; arguments win):
 *   --duration=8        BENCH_DURATION     seconds per measured run
 *   --rounds=3          BENCH_ROUNDS       0 only makes sense with a CPU profile
 *   --connections=20,50 BENCH_CONNECTIONS
 *   --warmup=3          BENCH_WARMUP       seconds of unmeasured load per target before round 1
 *   --targets=a,b       BENCH_TARGETS      a subset of the targets (throughput-targets.ts; the optional
 *                                          ones, such as gateway-tokens-graphql-js, run only when named)
 *   --cpu-profile[=t]   BENCH_CPU_PROFILE  after the rounds, profile a fresh process of target t's
 *                                          server (default gateway-tokens; `1` means that too) for one
 *                                          run at the largest connection count, and summarise it
 *   --profile-dir=d     BENCH_PROFILE_DIR  where the .cpuprofile goes (default <tmp>/rewardgraph-bench-profiles)
 *   --baseline=DIR      BENCH_BASELINE     also run the gateway built in DIR (a checkout with `dist/`, say
 *                                          the commit before a change): its tokens and viewer targets join
 *                                          the rounds, with "this ÷ baseline" ratios
 *
 * The tracing targets (`gateway-tokens-trace-10`, `-100`) export their spans over OTLP/HTTP to a
 * receiver in this process that accepts and counts them (as a collector would, minus the forwarding).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProfiler } from './cpu-profile';
import { runLoad, sendOnce, type LoadOptions } from './load';
import type { RunningProcess } from './processes';
import { sleep, startServerProcess, withSandboxProcess } from './gateway-process';
import { formatSummary, summariseProfile, type CpuProfile } from './profile-summary';
import { round } from './measure';
import { formatTable, ratioMetrics, ratios, summarise, type RunSample } from './throughput-report';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import { baselineVariant, obtainCredentials, RATIOS, SERVERS, TARGETS, type RatioDef, type ServerDef, type Target, type TargetContext } from './throughput-targets';
import type { ScenarioResult } from './scenario';

interface Options {
  durationSeconds: number;
  rounds: number;
  connections: number[];
  warmupSeconds: number;
  targets: Target[];
  cpuProfile?: Target;
  profileDir: string;
  servers: ServerDef[];
  ratios: RatioDef[];
  baseline?: string;
}

export async function runThroughput(argv: string[]): Promise<ScenarioResult> {
  const options = parseOptions(argv);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  return withSandboxProcess('run', async (group, { sandbox, jwtSecret, tmp }) => {
    let otlp: OtlpReceiver | undefined;
    try {
      const serverNames = new Set([...options.targets, ...(options.cpuProfile ? [options.cpuProfile] : [])].map((t) => t.server).filter((s) => s !== 'sandbox'));
      if ([...serverNames].some((name) => serverDef(options, name).otlp)) otlp = await startOtlpReceiver();
      const startServer = (def: ServerDef, nodeArgs?: string[]) => startServerProcess(group, def, { sandboxUrl: sandbox.url, jwtSecret, tmp, nodeArgs, otlpUrl: otlp?.url });
      const servers: Record<string, RunningProcess> = { sandbox };
      for (const name of serverNames) {
        if (options.targets.some((t) => t.server === name)) servers[name] = await startServer(serverDef(options, name));
      }
      const urls = Object.fromEntries(Object.entries(servers).map(([name, p]) => [name, p.url]));
      const ctx: TargetContext = { urls, ...(await obtainCredentials(sandbox.url, jwtSecret)) };
      out(`  processes: ${Object.entries(urls).map(([n, u]) => `${n} ${u}`).join(', ')}`);
      out(`  ${options.rounds} round(s) × ${options.targets.length} targets × connections ${options.connections.join(', ')}, ${options.durationSeconds} s each`);

      const verified = new Map<string, Pick<LoadOptions, 'expectBody' | 'verifyBody'>>();
      const maxConnections = Math.max(...options.connections);
      for (const target of options.targets) {
        verified.set(target.name, await checkTarget(target, ctx));
        if (options.warmupSeconds > 0) {
          await runLoad(target.request(ctx), { connections: maxConnections, durationSeconds: options.warmupSeconds, ...verified.get(target.name) });
        }
      }
      const how = (name: string) => `${name} (${verified.get(name)?.expectBody !== undefined ? 'exact body' : 'no error in body'})`;
      if (options.targets.length > 0) out(`  checked${options.warmupSeconds > 0 ? ' and warmed up' : ''}: ${options.targets.map((t) => how(t.name)).join(', ')}`);

      const pairs = options.connections.flatMap((connections) => options.targets.map((target) => ({ target, connections })));
      const samples: RunSample[] = [];
      for (let r = 0; r < options.rounds; r++) {
        const shift = Math.floor((r * pairs.length) / options.rounds);
        for (const { target, connections } of [...pairs.slice(shift), ...pairs.slice(0, shift)]) {
          const server = servers[target.server]!;
          const before = await settledUpstreamCalls(sandbox.url, target.upstreamRoute);
          const cpuBefore = { server: server.cpuMs(), sandbox: sandbox.cpuMs() };
          const result = await runLoad(target.request(ctx), { connections, durationSeconds: options.durationSeconds, ...verified.get(target.name) });
          // The requests still in flight when autocannon stopped are answered (and call upstream) after it.
          const after = await settledUpstreamCalls(sandbox.url, target.upstreamRoute);
          const perRequest = (from?: number, to?: number) => (from === undefined || to === undefined ? undefined : round((to - from) / result.sent, 3));
          const cpuMsPerRequest = { server: perRequest(cpuBefore.server, server.cpuMs()), sandbox: perRequest(cpuBefore.sandbox, sandbox.cpuMs()) };
          const upstream = { route: after.route - before.route, all: after.all - before.all };
          samples.push({ target: target.name, connections, round: r + 1, ...result, upstream, cpuMsPerRequest });
          out(
            `  round ${r + 1}/${options.rounds}  ${target.name.padEnd(22)} ×${String(connections).padEnd(3)} ${Math.round(result.rps).toString().padStart(6)} req/s` +
              `  p50 ${result.p50}  p99 ${result.p99} ms  server CPU ${cpuMsPerRequest.server ?? '?'} ms/req  upstream calls/req ${(upstream.all / result.sent).toFixed(2)}`,
          );
        }
      }

      const summaries = summarise(samples);
      const ratioSummaries = ratios(samples, summaries, options.ratios);
      if (samples.length > 0) out(`\n${formatTable(summaries, options.targets)}\n`);
      if (otlp) out(`  OTLP receiver: ${otlp.exports} exports, ${otlp.spans} spans, ${Math.round(otlp.bytes / 1024)} KiB\n`);

      let profile: { target: string; connections: number; file: string } | undefined;
      if (options.cpuProfile) {
        const target = options.cpuProfile;
        const server = await startServer(serverDef(options, target.server), ['--inspect=127.0.0.1:0']);
        const profiledCtx = { ...ctx, urls: { ...urls, [target.server]: server.url } };
        const check = await checkTarget(target, profiledCtx);
        await runLoad(target.request(profiledCtx), { connections: maxConnections, durationSeconds: Math.max(options.warmupSeconds, 1), ...check });
        const file = path.join(options.profileDir, `${target.name}-c${maxConnections}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
        const profiler = await startProfiler(server.inspectorUrl!);
        const result = await runLoad(target.request(profiledCtx), { connections: maxConnections, durationSeconds: options.durationSeconds, ...check });
        await profiler.stopTo(file);
        await server.stop();
        profile = { target: target.name, connections: maxConnections, file };
        out(`  CPU profile of ${target.server} under ${target.name} ×${maxConnections} (${Math.round(result.rps)} req/s while profiled): ${file}`);
        out(`${formatSummary(summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, 20)).replace(/^/gm, '    ')}\n`);
      }

      return {
        metrics: ratioMetrics(ratioSummaries, summaries),
        details: {
          options: { ...options, targets: options.targets.map((t) => t.name), cpuProfile: options.cpuProfile?.name, servers: undefined, ratios: undefined },
          otlp: otlp ? { exports: otlp.exports, bytes: otlp.bytes, spans: otlp.spans } : undefined,
          targets: Object.fromEntries(options.targets.map((t) => [t.name, t.label])),
          summaries,
          ratios: ratioSummaries,
          samples,
          profile,
        },
      };
    } finally {
      // The gateways stop (and flush their last spans) before the receiver goes.
      await group.stopAll();
      await otlp?.close();
    }
  });
}

function serverDef(options: Options, name: string): ServerDef {
  const def = options.servers.find((s) => s.name === name);
  if (!def) throw new Error(`no server named ${name} in SERVERS`);
  return def;
}

/** Checks two answers of a target and returns how autocannon must verify every answer under load. */
async function checkTarget(target: Target, ctx: TargetContext): Promise<Pick<LoadOptions, 'expectBody' | 'verifyBody'>> {
  const request = target.request(ctx);
  const first = await sendOnce(request);
  const second = await sendOnce(request);
  for (const answer of [first, second]) {
    const problem = target.check(answer.status, answer.body);
    if (problem) throw new Error(`${target.name}: ${request.method} ${request.url} does not answer as it must: ${problem}`);
  }
  if (first.body === second.body) return { expectBody: first.body };
  // Not byte-stable: settle for no error shape in the body (the status is checked by autocannon).
  return { verifyBody: (body) => body.length > 0 && !body.includes('"errors":') && !body.includes('"error":') };
}

/** Upstream calls once they stop changing (two reads 150 ms apart agree; at most 10 s). */
async function settledUpstreamCalls(sandboxUrl: string, route: string | undefined): Promise<{ route: number; all: number }> {
  let last = await upstreamCalls(sandboxUrl, route);
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    await sleep(150);
    const now = await upstreamCalls(sandboxUrl, route);
    if (now.all === last.all) return now;
    last = now;
  }
  return last;
}

/** Requests the sandbox has served: on `route` (a stats key prefix) and on any upstream route. */
async function upstreamCalls(sandboxUrl: string, route: string | undefined): Promise<{ route: number; all: number }> {
  const res = await fetch(`${sandboxUrl}/_sandbox/stats`);
  const { requests } = (await res.json()) as { requests: Record<string, number> };
  let all = 0;
  let onRoute = 0;
  for (const [key, n] of Object.entries(requests)) {
    all += n;
    if (route && key.startsWith(route)) onRoute += n;
  }
  return { route: onRoute, all };
}

function parseOptions(argv: string[]): Options {
  const arg = (name: string): string | undefined => {
    const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    return hit === undefined ? undefined : hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
  };
  const env = process.env;
  const positive = (name: string, value: string | undefined, fallback: number, min = 1): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name}: expected a number ≥ ${min}, got "${value}"`);
    return n;
  };
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);

  const baselineDir = arg('baseline') ?? env.BENCH_BASELINE;
  const baseline = baselineDir ? baselineVariant(baselineDir) : undefined;
  if (baselineDir && !fs.existsSync(path.join(path.resolve(baselineDir), 'dist/src/main.js'))) {
    throw new Error(`--baseline: ${baselineDir} has no dist/src/main.js (build it there: npx tsc -p tsconfig.build.json)`);
  }
  const servers = [...SERVERS, ...(baseline ? [baseline.server] : [])];
  const known = [...TARGETS, ...(baseline?.targets ?? [])];
  const names = list(arg('targets') ?? env.BENCH_TARGETS);
  const unknown = names?.filter((n) => !known.some((t) => t.name === n)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown target ${unknown.join(', ')}; known: ${known.map((t) => t.name).join(', ')}`);
  const connections = (list(arg('connections') ?? env.BENCH_CONNECTIONS) ?? ['20', '50']).map((c) => Math.round(positive('connections', c, 0)));

  const profileArg = arg('cpu-profile') ?? env.BENCH_CPU_PROFILE;
  const profileName = profileArg === undefined || profileArg === '0' ? undefined : profileArg === '' || profileArg === '1' ? 'gateway-tokens' : profileArg;
  const cpuProfile = profileName === undefined ? undefined : known.find((t) => t.name === profileName);
  if (profileName !== undefined && (!cpuProfile || cpuProfile.server === 'sandbox')) {
    throw new Error(`--cpu-profile: expected a gateway or bare Apollo target, got "${profileName}"`);
  }
  const rounds = Math.round(positive('rounds', arg('rounds') ?? env.BENCH_ROUNDS, 3, cpuProfile ? 0 : 1));
  return {
    durationSeconds: positive('duration', arg('duration') ?? env.BENCH_DURATION, 8),
    rounds,
    connections,
    warmupSeconds: positive('warmup', arg('warmup') ?? env.BENCH_WARMUP, 3, 0),
    targets: rounds === 0 && cpuProfile ? [] : names ? known.filter((t) => names.includes(t.name)) : known.filter((t) => !t.optional),
    cpuProfile,
    profileDir: path.resolve(arg('profile-dir') ?? env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'rewardgraph-bench-profiles')),
    servers,
    ratios: [...RATIOS, ...(baseline?.ratios ?? [])],
    baseline: baselineDir,
  };
}
