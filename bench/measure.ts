/** Small measuring helpers for the scenarios: bounded concurrent loops and latency percentiles. */

export interface Timing {
  count: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
}

/** Runs `task` `count` times with at most `concurrency` in flight; every call must succeed. */
export async function timed(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  return { count, seconds: round(seconds), perSecond: round(count / seconds), p50ms: pick(0.5), p95ms: pick(0.95) };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
