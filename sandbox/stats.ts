/**
 * Upstream calls, keyed by `METHOD /base/route-template`, so tests and benchmarks count what the gateway
 * asked. Two tallies, because they differ exactly when it matters: a call counts as *arrived* as soon as
 * it is routed, and as *answered* once its answer has gone out in full. A dropped connection, or a client
 * that gave up while a fault delayed the call, arrived but was never answered.
 */
export class SandboxStats {
  private readonly arrivals = new Map<string, number>();
  private readonly answers = new Map<string, number>();

  arrived(key: string): void {
    this.arrivals.set(key, (this.arrivals.get(key) ?? 0) + 1);
  }

  answered(key: string): void {
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
  }

  /** Calls that arrived at routes whose key starts with `prefix` (e.g. `GET /klip/v2/wallet/bapp`). */
  count(prefix: string): number {
    return total(this.arrivals, prefix);
  }

  /** Calls to routes whose key starts with `prefix` whose answer was sent in full. */
  answeredCount(prefix: string): number {
    return total(this.answers, prefix);
  }

  /** `requests` are arrivals (the key tests have always read); `answered` the calls answered in full. */
  toJSON(): { requests: Record<string, number>; answered: Record<string, number> } {
    return { requests: sorted(this.arrivals), answered: sorted(this.answers) };
  }

  clear(): void {
    this.arrivals.clear();
    this.answers.clear();
  }
}

function total(counts: Map<string, number>, prefix: string): number {
  let sum = 0;
  for (const [key, n] of counts) if (key.startsWith(prefix)) sum += n;
  return sum;
}

function sorted(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
