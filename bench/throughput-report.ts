/**
 * Turns the throughput benchmark's runs into what the issue asks for: per target and connection
 * count, requests/s (mean over rounds, min–max) and p50/p99; then the ratios. Ratios are also given
 * per round (numerator and denominator from the same round, minutes apart at most), which is what
 * interleaving buys: drift of a busy machine moves both sides of a round together.
 */
import { round } from './measure';
import type { RatioDef, Target } from './throughput-targets';

export interface RunSample {
  target: string;
  connections: number;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Requests sent: `requests` plus those in flight when the run stopped. */
  sent: number;
  /** Sandbox requests during the run: on the target's upstream route, and on any upstream route. */
  upstream: { route: number; all: number };
  /**
   * CPU the target's server process (and the sandbox) used per request sent, ms — a steadier figure
   * than requests/s on a busy machine. For a direct target both are the sandbox.
   */
  cpuMsPerRequest: { server?: number; sandbox?: number };
}

interface Range {
  mean: number;
  min: number;
  max: number;
}

export interface TargetSummary {
  target: string;
  connections: number;
  rounds: number;
  rps: Range;
  p50: Range;
  p99: Range;
  /** Upstream calls the sandbox served per request sent, over all rounds. */
  upstreamPerRequest: { route: number; all: number };
  /** Mean over rounds of the server's and the sandbox's CPU ms per request (undefined without /proc). */
  cpuMsPerRequest: { server?: number; sandbox?: number };
}

export interface RatioSummary {
  label: string;
  connections: number;
  /** numerator rps ÷ denominator rps: of the means, and min–max of the per-round ratios. */
  rps: Range;
  addedP50ms: number;
  addedP99ms: number;
}

function range(values: number[], digits = 0): Range {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean: round(mean, digits), min: round(Math.min(...values), digits), max: round(Math.max(...values), digits) };
}

export function summarise(samples: RunSample[]): TargetSummary[] {
  const keys = [...new Set(samples.map((s) => `${s.target}\u0000${s.connections}`))];
  return keys.map((key) => {
    const runs = samples.filter((s) => `${s.target}\u0000${s.connections}` === key);
    const sent = runs.reduce((a, r) => a + r.sent, 0);
    const per = (n: number) => (sent > 0 ? round(n / sent, 3) : 0);
    return {
      target: runs[0]!.target,
      connections: runs[0]!.connections,
      rounds: runs.length,
      rps: range(runs.map((r) => r.rps)),
      p50: range(runs.map((r) => r.p50), 1),
      p99: range(runs.map((r) => r.p99), 1),
      upstreamPerRequest: { route: per(runs.reduce((a, r) => a + r.upstream.route, 0)), all: per(runs.reduce((a, r) => a + r.upstream.all, 0)) },
      cpuMsPerRequest: { server: meanOf(runs.map((r) => r.cpuMsPerRequest.server)), sandbox: meanOf(runs.map((r) => r.cpuMsPerRequest.sandbox)) },
    };
  });
}

function meanOf(values: Array<number | undefined>): number | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return round((values as number[]).reduce((a, b) => a + b, 0) / values.length, 3);
}

export function ratios(samples: RunSample[], summaries: TargetSummary[], defs: RatioDef[]): RatioSummary[] {
  const out: RatioSummary[] = [];
  for (const def of defs) {
    for (const num of summaries.filter((s) => s.target === def.numerator)) {
      const den = summaries.find((s) => s.target === def.denominator && s.connections === num.connections);
      if (!den) continue;
      const perRound = samples
        .filter((s) => s.target === def.numerator && s.connections === num.connections)
        .flatMap((n) => {
          const d = samples.find((s) => s.target === def.denominator && s.connections === n.connections && s.round === n.round);
          return d ? [n.rps / d.rps] : [];
        });
      const byRound = range(perRound, 3);
      out.push({
        label: def.label,
        connections: num.connections,
        rps: { mean: round(num.rps.mean / den.rps.mean, 3), min: byRound.min, max: byRound.max },
        addedP50ms: round(num.p50.mean - den.p50.mean, 1),
        addedP99ms: round(num.p99.mean - den.p99.mean, 1),
      });
    }
  }
  return out;
}

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatTable(summaries: TargetSummary[], targets: Target[]): string {
  const used = targets.filter((t) => summaries.some((s) => s.target === t.name));
  const width = Math.max(...used.map((t) => t.name.length));
  const lines = [...used.map((t) => `  ${t.name.padEnd(width)}  ${t.label}`), ''];
  lines.push(
    `  ${'target'.padEnd(width)}  conns  ${'req/s mean (min–max)'.padEnd(24)}  ${'p50 ms'.padStart(6)}  ${'p99 ms mean (min–max)'.padEnd(22)}  ` +
      `${'CPU ms/req'.padStart(10)}  upstream calls/req (route / all)`,
  );
  for (const t of used) {
    for (const s of summaries.filter((x) => x.target === t.name).sort((a, b) => a.connections - b.connections)) {
      lines.push(
        `  ${s.target.padEnd(width)}  ${String(s.connections).padStart(5)}  ${`${n0(s.rps.mean)} (${n0(s.rps.min)}–${n0(s.rps.max)})`.padEnd(24)}  ` +
          `${String(s.p50.mean).padStart(6)}  ${`${s.p99.mean} (${s.p99.min}–${s.p99.max})`.padEnd(22)}  ${String(s.cpuMsPerRequest.server ?? '?').padStart(10)}  ` +
          `${s.upstreamPerRequest.route} / ${s.upstreamPerRequest.all}`,
      );
    }
  }
  lines.push('  (CPU ms/req: user + system time of the process serving the target — the gateway, bare Apollo, or the sandbox for a direct target — per request sent)');
  return lines.join('\n');
}

/** The headline figures as `metric → value`, for run.ts to print and put in its JSON. */
export function ratioMetrics(rs: RatioSummary[], summaries: TargetSummary[]): Record<string, string | number> {
  const metrics: Record<string, string | number> = {};
  for (const r of rs) {
    metrics[`${r.label}, ${r.connections} conns: req/s`] = `${r.rps.mean} (per round ${r.rps.min}–${r.rps.max})`;
    metrics[`${r.label}, ${r.connections} conns: added p50 / p99 ms`] = `${signed(r.addedP50ms)} / ${signed(r.addedP99ms)}`;
  }
  for (const s of summaries.filter((x) => x.target === 'gateway-tokens')) {
    metrics[`gateway tokens, ${s.connections} conns: Kigo page calls per query (all upstream)`] = `${s.upstreamPerRequest.route} (${s.upstreamPerRequest.all})`;
  }
  return metrics;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}
