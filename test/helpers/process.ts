/**
 * The compiled programs as child processes, the way an operator runs them: build once with what
 * `npm run build` runs, then `node dist/…` with a controlled environment. Every child is tracked so
 * `killAll()` (in afterEach) leaves nothing running, and every wait has a timeout so a hung child
 * fails its test instead of hanging jest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs `npx tsc -p tsconfig.build.json` (what `npm run build` does) from the repo root, once per jest
 * run however many test files ask: test files run in parallel, and two builds writing dist/ at once
 * would let one file start a half-written program. A lock directory serialises them; a marker for
 * this run (RG_TEST_RUN, from jest's globalSetup) says the build is done.
 */
export async function build(timeoutMs = 90_000): Promise<void> {
  const marker = path.join(REPO_ROOT, 'dist', `.built-${process.env.RG_TEST_RUN ?? 'adhoc'}`);
  if (process.env.RG_TEST_RUN && fs.existsSync(marker)) return;
  const lock = path.join(os.tmpdir(), `rewardgraph-build-${Buffer.from(REPO_ROOT).toString('base64url')}.lock`);
  const deadline = Date.now() + timeoutMs * 2;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Held by another file's build (or left by a killed run: taken over once older than a build can take).
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > timeoutMs) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for another test file's build (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (process.env.RG_TEST_RUN && fs.existsSync(marker)) return;
    await compile(timeoutMs);
    fs.writeFileSync(marker, new Date().toISOString());
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function compile(timeoutMs: number): Promise<void> {
  const child = spawn('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = await withTimeout(
    new Promise<Exit>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }),
    timeoutMs,
    () => {
      child.kill('SIGKILL');
      return `the build did not finish within ${timeoutMs} ms:\n${output}`;
    },
  );
  if (exit.code !== 0) throw new Error(`npx tsc -p tsconfig.build.json failed (${JSON.stringify(exit)}):\n${output}`);
}

/** PATH and HOME only, plus what the test sets: nothing leaks in from the test runner's environment. */
export function minimalEnv(vars: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir() };
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) env[k] = v;
  return env;
}

const tempDirs: string[] = [];

/** A fresh empty directory under the OS temp dir, removed by `removeTempDirs()`. */
export function tempDir(prefix = 'rewardgraph-proc-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface Child {
  proc: ChildProcess;
  /** Everything written to stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects on timeout or if the child exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves when the child exits; rejects after `timeoutMs`. */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
  /** Whether it has exited. */
  exited(): Exit | undefined;
}

const running = new Set<Child>();

/** `node <script relative to the repo root> ...args` with exactly `env`. */
export function spawnNode(script: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [path.join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exit: Exit | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    notify();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    notify();
  });
  const exitPromise = new Promise<Exit>((resolve) => {
    // 'close' comes after both pipes are drained, so stdout()/stderr() are complete once it resolves.
    proc.once('close', (code, signal) => {
      exit = { code, signal };
      running.delete(child);
      notify();
      resolve(exit);
    });
    proc.once('error', (e) => {
      err += `\n[spawn error] ${e.message}`;
      exit ??= { code: null, signal: null };
      running.delete(child);
      notify();
      resolve(exit);
    });
  });
  const transcript = (): string => `${script} ${args.join(' ')}\n--- stdout ---\n${out.slice(-4000)}\n--- stderr ---\n${err.slice(-4000)}`;

  const child: Child = {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    waitForOutput(pattern, timeoutMs = 15_000) {
      return new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(out);
          if (match) return done(() => resolve(match));
          if (exit) return done(() => reject(new Error(`exited (${JSON.stringify(exit)}) before printing ${pattern}: ${transcript()}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${transcript()}`))), timeoutMs);
        const done = (fn: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      });
    },
    waitForExit(timeoutMs = 10_000) {
      return withTimeout(exitPromise, timeoutMs, () => `did not exit within ${timeoutMs} ms: ${transcript()}`);
    },
    stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (!exit) proc.kill(signal);
      return child.waitForExit(timeoutMs);
    },
  };
  running.add(child);
  return child;
}

/** Runs a short-lived program to its end. */
export async function runNode(script: string, args: string[], env: Record<string, string>, timeoutMs = 15_000): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawnNode(script, args, env);
  const exit = await child.waitForExit(timeoutMs);
  return { ...exit, stdout: child.stdout(), stderr: child.stderr() };
}

/** SIGKILLs every child still running and waits for each to be gone. */
export async function killAll(): Promise<void> {
  const children = [...running];
  for (const c of children) c.proc.kill('SIGKILL');
  await Promise.all(children.map((c) => c.waitForExit(5_000).catch(() => undefined)));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface GatewayProcess {
  child: Child;
  /** `http://127.0.0.1:port` */
  baseUrl: string;
  graphqlUrl: string;
}

/**
 * `node dist/src/main.js` with `env` (on top of PATH, HOME and PORT 0), once it printed that it is ready.
 * Give it the four upstream URLs to keep it off the embedded sandbox.
 */
export async function startGatewayProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<GatewayProcess> {
  const child = spawnNode('dist/src/main.js', [], minimalEnv({ PORT: '0', ...env }));
  const [, graphqlUrl] = await child.waitForOutput(/rewardgraph ready at (http:\/\/\S+\/graphql)/, timeoutMs);
  return { child, graphqlUrl: graphqlUrl!, baseUrl: graphqlUrl!.replace(/\/graphql$/, '') };
}

/** One GraphQL request over HTTP, as a client sends it (answers are asserted field by field, hence `any`). */
export async function postGraphql(graphqlUrl: string, query: string, token?: string, variables?: Record<string, unknown>): Promise<{ status: number; data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { data?: any; errors?: any };
  return { status: res.status, data: body.data ?? undefined, errors: body.errors };
}
