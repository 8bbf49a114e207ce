/**
 * Resets and their epoch. The epoch is a random id that changes on every reset, so a process that keeps
 * state derived from the sandbox (the gateway's cached pages, stored tokens, idempotency records) can
 * tell that the sandbox went back to its seed: by asking (`GET /_sandbox/epoch`) or by listening.
 */
import { randomUUID } from 'node:crypto';

/** Told the new epoch after each reset; a returned promise is awaited before the reset call answers. */
export type ResetListener = (epoch: string) => void | Promise<void>;

export class SandboxResets {
  private current = randomUUID();
  private readonly listeners = new Set<ResetListener>();

  constructor(
    /** Puts every part of the sandbox back to its seed, synchronously. */
    private readonly resetState: () => void,
    private readonly log: (line: string) => void,
  ) {}

  get epoch(): string {
    return this.current;
  }

  /** Calls `listener` after every reset from now on; the returned function stops that. */
  onReset(listener: ResetListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Back to the seed with a new epoch. The state is reset before this returns; the promise settles once
   * every listener has. A failing listener is logged, not thrown: the sandbox did reset, and one
   * listener's trouble must not keep the others from hearing of it.
   */
  async reset(): Promise<string> {
    this.resetState();
    const epoch = randomUUID();
    this.current = epoch;
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener(epoch);
        } catch (err) {
          this.log(`sandbox: a reset listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
    return epoch;
  }
}
