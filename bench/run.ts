/**
 * `npm run bench`: runs each scenario against a fresh in-process stack (the real sandbox and the real
 * gateway on port 0) and prints what it measured in that one run: upstream calls (from the sandbox's
 * stats) and ratios, which are stable across machines, plus throughput and latency for context.
 * `npm run bench -- <name…>` runs only the named scenarios. Not part of `npm test`.
 */
import 'reflect-metadata';
import { startStack } from '../test/helpers/stack';
import { SCENARIOS, type ScenarioResult } from './scenarios';

async function main(names: string[]): Promise<void> {
  const chosen = names.length > 0 ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  if (chosen.length === 0) throw new Error(`no scenario named ${names.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const results: Array<ScenarioResult & { name: string }> = [];
  for (const scenario of chosen) {
    const stack = await startStack({ env: { LOG_LEVEL: 'warn', ...scenario.env } });
    try {
      process.stdout.write(`▶ ${scenario.name}: ${scenario.description}\n`);
      const result = await scenario.run(stack);
      results.push({ name: scenario.name, ...result });
      for (const [metric, value] of Object.entries(result.metrics)) process.stdout.write(`    ${metric.padEnd(48)} ${value}\n`);
    } finally {
      await stack.stop();
    }
  }
  process.stdout.write(`\n${JSON.stringify({ when: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
