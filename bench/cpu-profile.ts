/**
 * Records a CPU profile of a server process over exactly one load run, through the V8 inspector of a
 * process started with `--inspect=127.0.0.1:0` (Profiler.start / Profiler.stop over its websocket).
 * Why not `node --cpu-prof`: that profiles the whole life of the process, so start-up (module
 * loading, schema building) and warm-up would be mixed into the profile of the request path, and
 * differently so before and after an optimisation. The file written is the same `.cpuprofile`
 * format `--cpu-prof` writes (and Chrome DevTools / speedscope open).
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

interface InspectorReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

export interface ProfilerSession {
  /** Stops the profiler, writes the profile to `file` and closes the session. */
  stopTo(file: string): Promise<void>;
}

export async function startProfiler(inspectorUrl: string): Promise<ProfilerSession> {
  const socket = new WebSocket(inspectorUrl, { maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve(result: unknown): void; reject(err: Error): void }>();
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString()) as InspectorReply;
    const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!pending || reply.id === undefined) return;
    waiting.delete(reply.id);
    if (reply.error) pending.reject(new Error(`inspector: ${reply.error.message}`));
    else pending.resolve(reply.result);
  });
  const call = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await call('Profiler.enable');
  // 1 ms, what `--cpu-prof` samples at by default, so both kinds of profile compare.
  await call('Profiler.setSamplingInterval', { interval: 1000 });
  await call('Profiler.start');
  return {
    async stopTo(file) {
      const { profile } = (await call('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      socket.close();
    },
  };
}
