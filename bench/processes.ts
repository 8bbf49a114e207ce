/**
 * Child processes for the throughput benchmark: the sandbox, the gateway and bare Apollo each run as
 * their own `node` process, so the load generator, the server under test and the upstream never share
 * an event loop. Every process listens on port 0 and prints its URL; we wait for that line (the OS
 * picked a free port, so there is no pick-then-bind race), keep the tail of its output for error
 * messages, and stop every process we started — at the end, on error, and on SIGINT/SIGTERM.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessSpec {
  /** For messages, e.g. `gateway`. */
  name: string;
  /** Path of the compiled entry point, e.g. `dist/src/main.js`. */
  script: string;
  /** The whole environment of the child (PATH is added): nothing leaks in from the bench's own. */
  env: Record<string, string>;
  /** Matches the line that says the process is ready; group 1 is its base URL. */
  ready: RegExp;
  /** Extra `node` flags, e.g. `--inspect=127.0.0.1:0`. */
  nodeArgs?: string[];
  /** @default 30000 */
  startTimeoutMs?: number;
}

export interface RunningProcess {
  name: string;
  /** What group 1 of `ready` captured. */
  url: string;
  /** The inspector's websocket URL, when started with `--inspect`. */
  inspectorUrl?: string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** The last lines it wrote (stdout and stderr). */
  output(): string;
  /** Node's process warnings it printed (`(node:pid) MaxListenersExceededWarning: …`), the first 20, wherever they were in the output. */
  warnings(): string[];
  /** CPU time (user + system) it has used so far, ms; undefined where /proc is not available. */
  cpuMs(): number | undefined;
  /** Resident set size now, bytes (VmRSS in /proc); undefined where /proc is not available. */
  rssBytes(): number | undefined;
  /** File descriptors it has open now (/proc/<pid>/fd); undefined where /proc is not available. */
  openFds(): number | undefined;
}

const TAIL_LINES = 40;

/** Every process started through it; `stopAll` stops them in reverse order of start. */
export class ProcessGroup {
  private readonly running: RunningProcess[] = [];
  private readonly children = new Set<ChildProcess>();
  /** Set once a signal handler from `stopOnSignals` is stopping everything and will exit. */
  interrupted = false;

  constructor() {
    // Last resort for an abrupt exit of the bench (process.exit, uncaught error): no orphans.
    process.on('exit', () => {
      for (const child of this.children) child.kill('SIGKILL');
    });
  }

  async start(spec: ProcessSpec): Promise<RunningProcess> {
    const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script], {
      env: { PATH: process.env.PATH ?? '', ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    void exited.then(() => this.children.delete(child));
    const tail: string[] = [];
    const output = (): string => tail.join('\n');
    const warnings: string[] = [];

    let inspectorUrl: string | undefined;
    const url = await new Promise<string>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => fail(`not ready after ${spec.startTimeoutMs ?? 30_000} ms`), spec.startTimeoutMs ?? 30_000);
      const fail = (why: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${spec.name} ${why}; its output:\n${output()}`));
      };
      const onLine = (line: string): void => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        if (/^\(node:\d+\) \w*Warning/.test(line) && warnings.length < 20) warnings.push(line);
        const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(line);
        if (inspector) inspectorUrl = inspector[1];
        const ready = spec.ready.exec(line);
        if (ready && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve(ready[1]!);
        }
      };
      lines(child.stdout!, onLine);
      lines(child.stderr!, onLine);
      child.once('exit', (code, signal) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
      child.once('error', (err) => fail(`could not start: ${err.message}`));
    });

    let stopping: Promise<void> | undefined;
    const running: RunningProcess = {
      name: spec.name,
      url,
      inspectorUrl,
      output,
      warnings: () => [...warnings],
      cpuMs: () => (child.pid === undefined ? undefined : processCpuMs(child.pid)),
      rssBytes: () => (child.pid === undefined ? undefined : processRssBytes(child.pid)),
      openFds: () => (child.pid === undefined ? undefined : processOpenFds(child.pid)),
      stop: () =>
        (stopping ??= (async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        })()),
    };
    this.running.push(running);
    return running;
  }

  async stopAll(): Promise<void> {
    for (const p of this.running.splice(0).reverse()) await p.stop();
  }

  /**
   * Stops everything on SIGINT/SIGTERM, runs `cleanUp`, then exits 130; returns a function that
   * removes the handlers.
   */
  stopOnSignals(cleanUp: () => void): () => void {
    const handler = (signal: NodeJS.Signals): void => {
      this.interrupted = true;
      process.stderr.write(`\n${signal}: stopping the benchmark's processes\n`);
      void this.stopAll()
        .then(cleanUp)
        .finally(() => process.exit(130));
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  }
}

let ticksPerSecond: number | undefined;

/**
 * user + system CPU of a process from /proc/<pid>/stat (Linux), ms. A contended machine slows every
 * process down, but CPU time per request moves much less than requests per second do.
 */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): state is field 3,
    // utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** VmRSS of a process from /proc/<pid>/status (Linux), bytes. */
function processRssBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

function processOpenFds(pid: number): number | undefined {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

/** Calls `onLine` for each complete line of a stream (the stream keeps flowing, so a chatty child never blocks). */
function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let cut: number;
    while ((cut = pending.indexOf('\n')) >= 0) {
      onLine(pending.slice(0, cut));
      pending = pending.slice(cut + 1);
    }
  });
}
