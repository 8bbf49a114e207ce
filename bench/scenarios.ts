/** The benchmark scenarios. Each returns named metrics measured in one run. */
import type { Env } from '../src/config';
import type { Stack } from '../test/helpers/stack';
import { timed } from './measure';

export interface ScenarioResult {
  metrics: Record<string, number | string>;
}

export interface Scenario {
  name: string;
  description: string;
  env?: Env;
  run(stack: Stack): Promise<ScenarioResult>;
}

function check(res: { errors?: unknown[] }): void {
  if (res.errors) throw new Error(`operation failed: ${JSON.stringify(res.errors)}`);
}

const viewer: Scenario = {
  name: 'viewer',
  description: 'the gateway alone: `viewer { id }` over HTTP, 20 in flight (no upstream involved)',
  async run(stack) {
    const token = await stack.token('alice');
    await stack.gql('{ viewer { id } }', undefined, { token });
    const t = await timed(2000, 20, async () => check(await stack.gql('query Bench { viewer { id } }', undefined, { token })));
    return { metrics: { 'operations/s': t.perSecond, 'p50 ms': t.p50ms, 'p95 ms': t.p95ms, 'upstream calls': stack.sandbox.stats.count('') } };
  },
};

export const SCENARIOS: Scenario[] = [viewer];
