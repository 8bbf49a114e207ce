/**
 * Part `idle` of `npm run bench -- subscriptions` (issue 13, point 4): what App2App requests nobody
 * opens cost at Klip, with adaptive polling on (the defaults: the full pace for APP2APP_IDLE_AFTER_MS,
 * then backing off to APP2APP_IDLE_POLL_INTERVAL_MS) and off (APP2APP_IDLE_POLL_INTERVAL_MS equal to
 * APP2APP_POLL_INTERVAL_MS), two gateway processes side by side on one sandbox in one run. Each
 * follows `--idle-requests` requests (30 viewers' worth, 10 each, one socket per viewer); Klip result
 * calls are counted per request at the sandbox (`GET /_sandbox/klip/a2a/:key/polls`, when each read
 * arrived), over `--idle-window` seconds starting when the idle period has passed, and over the idle
 * period itself. Then, on each gateway, the delivery after approval of requests the person had opened
 * (REQUESTED seen by their subscribers: the full pace again, so within one interval) and of requests
 * approved without being seen opened (the poller may be at the idle pace: up to its interval).
 */
import { approveAndTime, control, eachLimited, Follower, percentile, prepareKey, type BenchPlace } from './app2app-load';
import { sleep, startServerProcess } from './gateway-process';
import { numberFlag } from './flags';
import { round } from './measure';
import type { ProcessGroup, RunningProcess } from './processes';
import type { ScenarioResult } from './scenario';
import { viewerJwt } from './throughput-targets';
import { GqlSocket } from './ws-client';

const INTERVAL_MS = 1_000;
const IDLE_AFTER_MS = 10_000;
const KEYS_PER_VIEWER = 10;
/** Requests per gateway approved for each delivery sample. */
const SAMPLE = 20;

interface Side {
  name: string;
  idleIntervalMs: number;
  gateway: RunningProcess;
  keys: string[];
  followers: Follower[];
  sockets: GqlSocket[];
}

export async function runIdlePolling(group: ProcessGroup, place: BenchPlace, argv: string[]): Promise<ScenarioResult> {
  const out = (line: string) => process.stdout.write(`  ${line}\n`);
  const requests = numberFlag(argv, 'idle-requests', 300);
  const windowSeconds = numberFlag(argv, 'idle-window', 30);
  const viewers = Math.ceil(requests / KEYS_PER_VIEWER);
  const at = { sandboxUrl: place.sandbox.url, jwtSecret: place.jwtSecret, tmp: place.tmp };
  const common = { APP2APP_POLL_INTERVAL_MS: String(INTERVAL_MS), APP2APP_IDLE_AFTER_MS: String(IDLE_AFTER_MS) };
  const sides: Side[] = [];
  for (const [name, idleIntervalMs] of [['adaptive', 5_000], ['fixed', INTERVAL_MS]] as const) {
    const gateway = await startServerProcess(group, { name: `gateway-${name}`, kind: 'gateway', env: { ...common, APP2APP_IDLE_POLL_INTERVAL_MS: String(idleIntervalMs) } }, at);
    sides.push({ name, gateway, idleIntervalMs, keys: [], followers: [], sockets: [] });
  }
  try {
    out(`idle polling: ${viewers * KEYS_PER_VIEWER} unopened requests on each of two gateways, poll interval ${INTERVAL_MS} ms, idle after ${IDLE_AFTER_MS} ms; adaptive (up to 5000 ms) vs fixed`);
    await Promise.all(
      sides.map(async (side) => {
        const wsUrl = `${side.gateway.url.replace(/^http/, 'ws')}/graphql`;
        await eachLimited(Array.from({ length: viewers }, (_, i) => i), 8, async (i) => {
          const token = await viewerJwt(place.jwtSecret, `bench-idle-${side.name}-${i}`);
          const keys: string[] = [];
          for (let k = 0; k < KEYS_PER_VIEWER; k++) keys.push(await prepareKey(side.gateway.url, token));
          const socket = await GqlSocket.connect(wsUrl, token);
          side.sockets.push(socket);
          side.keys.push(...keys);
          for (const key of keys) {
            const follower = new Follower(key);
            follower.start(socket);
            side.followers.push(follower);
          }
        });
      }),
    );
    await Promise.all(sides.flatMap((s) => s.followers).map((f) => f.waitFor('PREPARED')));
    const followedAt = Date.now();
    const windowStart = followedAt + IDLE_AFTER_MS;
    const windowEnd = windowStart + windowSeconds * 1000;
    out(`following all at ${new Date(followedAt).toISOString()}; counting Klip result calls for ${IDLE_AFTER_MS / 1000} s, then a ${windowSeconds} s window`);
    await sleep(windowEnd - Date.now() + 500);

    const metrics: Record<string, string> = {};
    const details: Record<string, unknown> = {};
    for (const side of sides) {
      const polls = await pollTimes(place.sandbox.url, side.keys);
      const during = (from: number, to: number) => polls.filter((t) => t >= from && t < to).length;
      const idlePeriod = during(followedAt, windowStart);
      const window = during(windowStart, windowEnd);
      const perMinute = Math.round((window / windowSeconds) * 60);
      metrics[`Klip result calls/min, ${side.keys.length} unopened, ${side.name}`] = `${perMinute} (${window} in ${windowSeconds} s after the idle period; ${idlePeriod} in its first ${IDLE_AFTER_MS / 1000} s)`;
      details[side.name] = { window, idlePeriod, perMinute };
    }

    for (const side of sides) {
      const opened = await approveAndTime(place.sandbox.url, side.followers, side.keys.slice(0, SAMPLE));
      const unopened = await approveUnopened(place.sandbox.url, side.followers, side.keys.slice(SAMPLE, 2 * SAMPLE), side.idleIntervalMs);
      const show = (ms: number[]) => `p50 ${percentile(ms, 0.5)} / max ${percentile(ms, 1)} ms`;
      metrics[`approve → delivery, ${side.name}: opened (REQUESTED) / never opened`] = `${show(opened)} / ${show(unopened)}`;
      details[`${side.name}-delivery`] = { opened, unopened };
    }
    const [adaptive, fixed] = sides.map((s) => (details[s.name] as { perMinute: number }).perMinute);
    metrics['idle result calls: adaptive ÷ fixed'] = `${round(adaptive! / fixed!, 2)}`;
    for (const line of Object.entries(metrics)) out(`${line[0]}: ${line[1]}`);
    return { metrics, details };
  } finally {
    for (const side of sides) {
      for (const socket of side.sockets) socket.drop();
      await side.gateway.stop();
    }
  }
}

/** When Klip's result was read for each key (epoch ms), from the sandbox. */
async function pollTimes(sandboxUrl: string, keys: string[]): Promise<number[]> {
  const times: number[] = [];
  await eachLimited(keys, 16, async (key) => {
    const { polls } = await control<{ polls: number[] }>(sandboxUrl, 'GET', `/_sandbox/klip/a2a/${key}/polls`);
    times.push(...polls);
  });
  return times;
}

/**
 * Approves requests nobody was seen opening (the sandbox passes them through REQUESTED at once), each
 * after a random pause within the poller's current pace (the idle interval), as a person would at any
 * moment: the pollers of these requests started together and keep in step.
 */
async function approveUnopened(sandboxUrl: string, all: Follower[], keys: string[], spreadMs: number): Promise<number[]> {
  const approvedAt = new Map<string, number>();
  await Promise.all(
    keys.map(async (key) => {
      await sleep(Math.random() * spreadMs);
      approvedAt.set(key, performance.now());
      await control(sandboxUrl, 'POST', `/_sandbox/klip/a2a/${key}/approve`, {});
    }),
  );
  const followers = all.filter((f) => approvedAt.has(f.key));
  await Promise.all(followers.map((f) => f.waitFor('COMPLETED', 30_000)));
  return followers.map((f) => f.seen.get('COMPLETED')! - approvedAt.get(f.key)!);
}
