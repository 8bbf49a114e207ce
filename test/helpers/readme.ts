/**
 * The README's code blocks, as a reader copies them: GraphQL operations by name, curl forms run by
 * bash with the README's own `gql` helper, and client snippets run by node from a file whose
 * `node_modules` is this repository's. What a reader sets by hand (`BOB=$(npm run …)`,
 * `CODE='<the code>'`) the test sets itself, so those assignment lines are skipped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './process';

const readme = (): string => fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** From `heading` to the next `## ` heading. */
export function readmeSection(heading: string): string {
  const text = readme();
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/\n## /);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/** Every ```graphql block of `section` by the name of each operation in it. */
export function graphqlOperations(section: string): Map<string, string> {
  const operations = new Map<string, string>();
  for (const [, body] of section.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const parts = body!.split(/\n(?=(?:query|mutation|subscription)\b)/);
    for (const part of parts) {
      const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(part)?.[1];
      if (!name) throw new Error(`an unnamed operation in the README: ${part}`);
      operations.set(name, part);
    }
  }
  return operations;
}

/** Every ```sh block of `section`, in order. */
export function shellBlocks(section: string): string[] {
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, body]) => body!);
}

/** The code block right after `<!-- snippet: name -->`. */
export function snippet(name: string): string {
  const match = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(readme());
  if (!match) throw new Error(`README has no snippet "${name}"`);
  return match[1]!;
}

/** A line that only sets a variable: the reader's job, done by the test instead. */
const ASSIGNMENT = /^[A-Z_]+=("[^"]*"|'[^']*'|\$\([^)]*\)|\S+)\s*(#.*)?$/;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a README shell block with bash, after the `gql` helper from the curl set-up, with `env` (API,
 * TOKEN, and whatever the block refers to). `onStdout` sees the output as it comes (a subscription).
 */
export function runShell(block: string, env: Record<string, string>, options: { onStdout?: (all: string) => void; timeoutMs?: number } = {}): Promise<Run> {
  const helper = snippet('curl-setup')
    .split('\n')
    .filter((line) => line.startsWith('gql()'));
  const script = [...helper, ...block.split('\n').filter((line) => !ASSIGNMENT.test(line.trim()))].join('\n');
  const child = spawn('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child, options);
}

/** Runs a README JavaScript snippet with node, as `client.mjs` beside this repository's node_modules. */
export function runSnippet(name: string, env: Record<string, string>, options: { onStdout?: (all: string) => void; timeoutMs?: number } = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-snippet-'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'client.mjs'), snippet(name));
  const child = spawn(process.execPath, ['client.mjs'], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child, options).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

function collect(child: ReturnType<typeof spawn>, options: { onStdout?: (all: string) => void; timeoutMs?: number }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    options.onStdout?.(stdout);
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise<Run>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not finish within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', (err) => (clearTimeout(timer), reject(err)));
    child.once('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

/** One JSON answer per line, as `gql` prints them. */
export function answers(stdout: string): any[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line));
}

/** Runs a README shell block that must exit 0 with nothing on stderr and no answer with errors: each answer's `data`, in order. */
export async function shellData(block: string, env: Record<string, string>): Promise<any[]> {
  const run = await runShell(block, env);
  if (run.code !== 0 || run.stderr !== '') throw new Error(`the block exited ${run.code}: ${run.stderr}`);
  const all = answers(run.stdout);
  const failed = all.find((answer) => answer.errors !== undefined);
  if (failed) throw new Error(`an answer with errors: ${JSON.stringify(failed.errors)}`);
  return all.map((answer) => answer.data);
}
