/** Requests served, keyed by `METHOD /base/route-template`, so tests and benchmarks count upstream calls. */
export class SandboxStats {
  private readonly counts = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls to routes whose key starts with `prefix` (e.g. `GET /klip/v2/wallet/bapp`). */
  count(prefix: string): number {
    let total = 0;
    for (const [key, n] of this.counts) if (key.startsWith(prefix)) total += n;
    return total;
  }

  toJSON(): { requests: Record<string, number> } {
    return { requests: Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b))) };
  }

  clear(): void {
    this.counts.clear();
  }
}
