/**
 * The sandbox's notion of now. Tests move it forward with `POST /_sandbox/clock` to expire tokens,
 * claim codes and request keys without waiting; every provider reads time from here, never Date.now().
 */
export class SandboxClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the sandbox sees it. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Seconds since the epoch (for upstream fields expressed in epoch seconds). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
