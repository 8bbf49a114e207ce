/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [--top=25]`: what a V8 CPU profile spent its
 * time on, in a form that compares before and after an optimisation: the top functions by self time,
 * and self time grouped by package (node internals, graphql, @apollo, express, undici, zod, jose,
 * pino, our src…), as percentages of the busy (non-idle) time.
 *
 * Frames without a script (V8 builtins such as JSON.parse, RegExp code) and WebAssembly (undici's
 * llhttp parser) are charged to the package of the nearest caller that has a script, so "undici"
 * includes the JSON.parse undici calls; in the list of functions they keep their own name. `(garbage collector)` and `(program)` (V8 work not attributed
 * to a function) are groups of their own. Samples are wall-clock: "busy" is the time the main thread
 * was not idle, which on a contended machine includes time it waited for a CPU in the middle of work,
 * so compare percentages across profiles rather than milliseconds.
 */
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The `.cpuprofile` format (Chrome DevTools protocol `Profiler.Profile`). */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Packages reported together, as a reader thinks of them: express's own building blocks count as
 * express, @apollo/server's as @apollo. Packages several of them use (negotiator, debug, lru-cache)
 * keep their own name.
 */
const FAMILY_MEMBERS: Record<string, string[]> = {
  '@apollo': ['@as-integrations/express5', 'whatwg-mimetype'],
  express: [
    'accepts', 'body-parser', 'content-disposition', 'content-type', 'cookie', 'cors', 'depd', 'encodeurl', 'escape-html', 'etag',
    'finalhandler', 'forwarded', 'fresh', 'http-errors', 'iconv-lite', 'media-typer', 'merge-descriptors', 'mime-db', 'mime-types',
    'on-finished', 'parseurl', 'path-to-regexp', 'proxy-addr', 'qs', 'range-parser', 'raw-body', 'router', 'send', 'serve-static',
    'statuses', 'type-is', 'vary',
  ],
  pino: ['pino-std-serializers', 'sonic-boom', 'thread-stream', 'on-exit-leak-free', 'quick-format-unescaped'],
};
const FAMILIES: Record<string, string> = Object.fromEntries(
  Object.entries(FAMILY_MEMBERS).flatMap(([family, members]) => members.map((m) => [m, family])),
);

/** The group a script URL belongs to. */
export function groupOf(url: string): string {
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    if (FAMILIES[name]) return FAMILIES[name];
    return name.startsWith('@apollo/') ? '@apollo' : name;
  }
  if (url.includes('/dist/src/')) return 'our src';
  if (url.includes('/dist/sandbox/')) return 'sandbox';
  if (url.includes('/dist/bench/')) return 'bench';
  return url === '' ? '(native)' : url;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  groups: Array<{ group: string; ms: number; percentOfBusy: number }>;
  functions: Array<{ name: string; where: string; group: string; ms: number; percentOfBusy: number }>;
}

export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Sample i lasts until sample i+1 (timeDeltas[i+1]); the last one gets the mean interval.
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totalUs = profile.endTime - profile.startTime;
  const meanUs = samples.length > 0 ? totalUs / samples.length : 0;
  const selfUs = new Map<number, number>();
  samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? meanUs)));

  const groupOfNode = (id: number): string => {
    const frame = byId.get(id)!.callFrame;
    if (SPECIAL.has(frame.functionName)) return frame.functionName;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      if (url !== '' && !url.startsWith('wasm://')) return groupOf(url);
    }
    return '(native)';
  };

  const groups = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; group: string; us: number }>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const group = groupOfNode(id);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const where = frame.url === '' ? '(native)' : `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, group, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const busyUs = [...groups.values()].reduce((a, b) => a + b, 0);
  const pct = (us: number) => (busyUs > 0 ? Math.round((us / busyUs) * 1000) / 10 : 0);
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(totalUs),
    idleMs: ms(idleUs),
    busyMs: ms(busyUs),
    groups: [...groups].sort((a, b) => b[1] - a[1]).map(([group, us]) => ({ group, ms: ms(us), percentOfBusy: pct(us) })),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, group: f.group, ms: ms(f.us), percentOfBusy: pct(f.us) })),
  };
}

/** The part of a script URL worth reading: from `node_modules/<pkg>` or `dist/`, else the URL. */
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + '/node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}

export function formatSummary(s: ProfileSummary): string {
  const out = [
    `profiled ${s.totalMs} ms: busy (not idle) ${s.busyMs} ms (${s.totalMs > 0 ? Math.round((s.busyMs / s.totalMs) * 100) : 0}%), idle ${s.idleMs} ms`,
    '',
    'self time by package (% of busy)',
    ...s.groups.map((g) => `  ${g.percentOfBusy.toFixed(1).padStart(5)}%  ${String(g.ms).padStart(9)} ms  ${g.group}`),
    '',
    `top ${s.functions.length} functions by self time (% of busy)`,
    ...s.functions.map((f) => `  ${f.percentOfBusy.toFixed(1).padStart(5)}%  ${f.name.slice(0, 40).padEnd(40)}  ${f.group.padEnd(16)}  ${f.where}`),
  ];
  return out.join('\n');
}

function main(argv: string[]): void {
  const file = argv.find((a) => !a.startsWith('--'));
  const topArg = argv.find((a) => a.startsWith('--top='));
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile> [--top=25] [--json]\n');
    process.exit(2);
  }
  const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, topArg ? Number(topArg.slice(6)) : 25);
  process.stdout.write(`${argv.includes('--json') ? JSON.stringify(summary, null, 2) : formatSummary(summary)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
