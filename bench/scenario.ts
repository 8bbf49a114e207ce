/** What a benchmark scenario is and what it reports (shared by the scenarios, the probes and the runner). */
import type { Env } from '../src/config';
import type { Stack } from '../test/helpers/stack';

export interface ScenarioResult {
  metrics: Record<string, number | string>;
  /** Everything else worth keeping in the JSON (the throughput scenario's per-run figures). */
  details?: unknown;
}

export interface Scenario {
  name: string;
  description: string;
  env?: Env;
  run(stack: Stack): Promise<ScenarioResult>;
}
