/**
 * `npm run bench`: runs each scenario against a fresh in-process stack (the real sandbox and the real
 * gateway on port 0) and prints what it measured in that one run: upstream calls (from the sandbox's
 * stats) and ratios, which are stable across machines, plus throughput and latency for context.
 * `npm run bench -- <name…>` runs only the named scenarios. Not part of `npm test`.
 *
 * `npm run bench -- throughput [--duration=8 …]` is different: it starts its own processes (sandbox,
 * gateways, bare Apollo) and measures absolute requests/s under load, see throughput.ts for its
 * options. Plain `npm run bench` does not run it: it takes minutes (6 targets × 2 connection counts
 * × 3 rounds × 8 s, plus warm-up) and its absolute figures only mean something on a quiet machine,
 * whereas the in-process scenarios count calls and are meaningful anywhere. Name it to run it.
 * `subscriptions` (subscriptions.ts) and `soak` (soak.ts) also run their own processes and take
 * minutes; they too run only when named. Arguments starting with `--` go to the named standalone
 * scenarios.
 */
import type { ScenarioResult } from './scenario';

/** Scenarios that manage their own processes instead of running on the in-process stack. */
const STANDALONE: Array<{ name: string; description: string; run(flags: string[]): Promise<ScenarioResult> }> = [
  {
    name: 'throughput',
    description: 'requests/s and p50/p99 under load (autocannon, 20 and 50 connections): the gateway against the direct upstream page and bare Apollo',
    // Loaded only when chosen, so the other scenarios need none of it (and it none of theirs).
    run: (flags) => (require('./throughput') as typeof import('./throughput')).runThroughput(flags),
  },
  {
    name: 'subscriptions',
    description: 'graphql-ws subscriptions at scale (default 10,000): gateway RSS and heap, approve → delivery, nothing left after every socket drops; idle App2App polling, adaptive vs fixed',
    run: (flags) => (require('./subscriptions') as typeof import('./subscriptions')).runSubscriptions(flags),
  },
  {
    name: 'soak',
    description: 'a steady mix of queries, mutations and subscriptions for --minutes (10): heap after GC each minute and its slope',
    run: (flags) => (require('./soak') as typeof import('./soak')).runSoak(flags),
  },
];

async function main(argv: string[]): Promise<void> {
  const names = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  const standalone = STANDALONE.filter((s) => names.includes(s.name));
  const inProcessNames = names.filter((n) => !STANDALONE.some((s) => s.name === n));
  const results: Array<ScenarioResult & { name: string }> = [];
  const report = (name: string, result: ScenarioResult): void => {
    results.push({ name, ...result });
    for (const [metric, value] of Object.entries(result.metrics)) process.stdout.write(`    ${metric.padEnd(48)} ${value}\n`);
  };

  // The in-process stack (and with it the gateway's code) is loaded only when one of its scenarios runs.
  if (names.length === 0 || inProcessNames.length > 0) {
    require('reflect-metadata');
    const { startStack } = require('../test/helpers/stack') as typeof import('../test/helpers/stack');
    const { SCENARIOS } = require('./scenarios') as typeof import('./scenarios');
    const chosen = names.length > 0 ? SCENARIOS.filter((s) => inProcessNames.includes(s.name)) : SCENARIOS;
    const unknown = inProcessNames.filter((n) => !SCENARIOS.some((s) => s.name === n));
    if (unknown.length > 0) {
      throw new Error(`no scenario named ${unknown.join(', ')}; known: ${[...SCENARIOS, ...STANDALONE].map((s) => s.name).join(', ')}`);
    }
    for (const scenario of chosen) {
      const stack = await startStack({ env: { LOG_LEVEL: 'warn', ...scenario.env } });
      try {
        process.stdout.write(`▶ ${scenario.name}: ${scenario.description}\n`);
        report(scenario.name, await scenario.run(stack));
      } finally {
        await stack.stop();
      }
    }
  }

  for (const scenario of standalone) {
    process.stdout.write(`▶ ${scenario.name}: ${scenario.description}\n`);
    report(scenario.name, await scenario.run(flags));
  }
  process.stdout.write(`\n${JSON.stringify({ when: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
