/**
 * The schema documents itself: graphql-schema-linter's description rules (every type, field,
 * argument, input value and enum value described, descriptions capitalised) and its Relay rules, on
 * the schema the code emits. In Apollo Sandbox and GraphiQL these descriptions are the documentation.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { buildAppSchema, printAppSchema } from '../../src/schema/build';

const DESCRIPTION_RULES = [
  'types-have-descriptions',
  'fields-have-descriptions',
  'arguments-have-descriptions',
  'input-object-values-have-descriptions',
  'enum-values-have-descriptions',
  'descriptions-are-capitalized',
  'deprecations-have-a-reason',
];
const RULES = [...DESCRIPTION_RULES, 'relay-connection-types-spec', 'relay-connection-arguments-spec', 'relay-page-info-spec'];

interface LintError {
  message: string;
  location: { line: number; column: number };
  rule: string;
}

it('passes graphql-schema-linter with its description and Relay rules: 0 errors', async () => {
  const sdl = printAppSchema(await buildAppSchema());
  // The linter's CLI in its own process, reading the emitted schema on stdin: the way CI would run it.
  const run = spawnSync(process.execPath, [require.resolve('graphql-schema-linter/lib/cli.js'), '--stdin', '--format', 'json', '--rules', RULES.join(',')], {
    input: sdl,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const { errors } = JSON.parse(run.stdout) as { errors: LintError[] };
  expect(errors.map((e) => `${e.location.line}:${e.location.column} ${e.rule}: ${e.message}`)).toEqual([]);
  expect(run.status).toBe(0);
});

it('fails a schema with an undescribed field (the check can fail)', () => {
  const run = spawnSync(process.execPath, [require.resolve('graphql-schema-linter/lib/cli.js'), '--stdin', '--format', 'json', '--rules', DESCRIPTION_RULES.join(',')], {
    input: '"The root."\ntype Query {\n  "Described."\n  a: Int\n  b: Int\n}\n',
    encoding: 'utf8',
  });
  const { errors } = JSON.parse(run.stdout) as { errors: LintError[] };
  expect(errors.map((e) => e.rule)).toEqual(['fields-have-descriptions']);
});
